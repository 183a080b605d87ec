using BusinessOps.Core.Governance;
using Xunit;

namespace BusinessOps.Core.Tests.Governance;

public sealed class StableHashTests
{
    [Fact]
    public void Hash64_KnownKey_PinnedAcrossProcessesAndReleases()
    {
        // Re-runs, other machines and later releases must agree, or samples and retry times change.
        Assert.Equal(PinnedAbc, StableHash.Hash64("abc"));
    }

    [Fact]
    public void Unit_ManyKeys_InHalfOpenUnitInterval()
    {
        for (var i = 0; i < 10_000; i++)
        {
            Assert.InRange(StableHash.Unit(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), 0.0, 0.9999999999999999);
        }
    }

    [Fact]
    public void Hash64_KeysDifferingInLastCharacter_Differ()
    {
        Assert.NotEqual(StableHash.Hash64("acme/ops#1"), StableHash.Hash64("acme/ops#2"));
    }

    // Cross-checked with an independent Python implementation of FNV-1a 64 (UTF-16LE) + fmix64.
    private const ulong PinnedAbc = 7907109724041313874UL;
}
