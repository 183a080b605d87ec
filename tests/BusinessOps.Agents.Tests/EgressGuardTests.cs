using System.Net;
using BusinessOps.Agents.Operations;
using BusinessOps.Core.Agents;
using Xunit;

namespace BusinessOps.Agents.Tests;

public sealed class EgressGuardTests
{
    [Theory]
    [InlineData("8.8.8.8", "Public")]
    [InlineData("2606:4700:4700::1111", "Public")]
    [InlineData("172.15.0.1", "Public")]
    [InlineData("127.0.0.1", "Loopback")]
    [InlineData("127.8.9.10", "Loopback")]
    [InlineData("::1", "Loopback")]
    [InlineData("::ffff:127.0.0.1", "Loopback")]
    [InlineData("10.1.2.3", "Private")]
    [InlineData("172.16.0.1", "Private")]
    [InlineData("172.31.255.255", "Private")]
    [InlineData("192.168.0.1", "Private")]
    [InlineData("100.64.0.1", "Private")]
    [InlineData("fd00::1", "Private")]
    [InlineData("169.254.169.254", "LinkLocal")]
    [InlineData("fe80::1", "LinkLocal")]
    [InlineData("64:ff9b::a9fe:a9fe", "LinkLocal")]
    [InlineData("0.0.0.0", "Unusable")]
    [InlineData("::", "Unusable")]
    [InlineData("224.0.0.1", "Unusable")]
    public void Classify_Address_Range(string address, string expected)
    {
        Assert.Equal(expected, EgressGuard.Classify(IPAddress.Parse(address)).ToString());
    }

    [Theory]
    [InlineData("Public", true, true)]
    [InlineData("Loopback", false, true)]
    [InlineData("Private", false, false)]
    [InlineData("LinkLocal", false, false)]
    [InlineData("Unusable", false, false)]
    public void IsAllowed_DefaultAndLoopbackPolicy(string name, bool byDefault, bool withLoopback)
    {
        var range = Enum.Parse<AddressRange>(name);
        Assert.Equal(byDefault, EgressGuard.IsAllowed(range, NetworkPolicy.PublicOnly));
        Assert.Equal(withLoopback, EgressGuard.IsAllowed(range, NetworkPolicy.PublicOnly with { AllowLoopback = true }));
    }
}
