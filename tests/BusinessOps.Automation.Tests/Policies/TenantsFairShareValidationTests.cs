using BusinessOps.Policies.Automation;

namespace BusinessOps.Automation.Tests.Policies;

/// <summary><c>limits.maxConcurrent</c> and <c>limits.share</c> in tenants.yml: read into the profile, or a clear error at file:line.</summary>
public sealed class TenantsFairShareValidationTests
{
    [Fact]
    public void Load_MaxConcurrentAndShare_ReachTheAgentProfile()
    {
        var result = AutomationPolicyLoader.LoadFromStrings(new Dictionary<string, string> { ["tenants.yml"] = Tenants("maxConcurrent: 5", "share: 3") });

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var acme = result.Policies!.Clients.ForAgents()["acme"];
        Assert.Equal((5, 3), (acme.MaxConcurrent, acme.Share));
    }

    [Fact]
    public void Load_NoShare_WeightOne()
    {
        var result = AutomationPolicyLoader.LoadFromStrings(new Dictionary<string, string> { ["tenants.yml"] = Tenants("maxConcurrent: 2") });

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(1, result.Policies!.Clients.ForAgents()["acme"].Share);
    }

    [Theory]
    [InlineData("maxConcurrent: 0", "'maxConcurrent' must be a whole number from 1 to 1000; found '0'")]
    [InlineData("maxConcurrent: -3", "'maxConcurrent' must be a whole number from 1 to 1000; found '-3'")]
    [InlineData("maxConcurrent: five", "'maxConcurrent' must be a whole number from 1 to 1000")]
    [InlineData("maxConcurrent: 2.5", "'maxConcurrent' must be a whole number from 1 to 1000")]
    [InlineData("share: 0", "'share' must be a whole number from 1 to 100; found '0'")]
    [InlineData("share: -1", "'share' must be a whole number from 1 to 100; found '-1'")]
    [InlineData("share: heavy", "'share' must be a whole number from 1 to 100")]
    [InlineData("share: [2]", "'share' must be a whole number from 1 to 100")]
    public void Load_BadLimit_ErrorAtItsFileAndLine(string limit, string expected)
    {
        var result = AutomationPolicyLoader.LoadFromStrings(new Dictionary<string, string> { ["tenants.yml"] = Tenants(limit) });

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("tenants.yml", 5), (error.File, error.Line));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static string Tenants(params string[] limits) =>
        "clients:\n  acme:\n    name: Acme\n    limits:\n" + string.Concat(limits.Select(l => "      " + l + "\n"));
}
