using BusinessOps.Core.Governance;
using Xunit;

namespace BusinessOps.Core.Tests.Governance;

public sealed class PlanHashTests
{
    [Fact]
    public void Compute_KnownVector_FirstTwelveHexOfSha256()
    {
        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        Assert.Equal("ba7816bf8f01", PlanHash.Compute("abc"));
    }

    [Fact]
    public void Compute_Always_TwelveLowercaseHex()
    {
        var hash = PlanHash.Compute("Pay invoice #42 to ACME: $12,000");

        Assert.Equal(PlanHash.Length, hash.Length);
        Assert.All(hash, ch => Assert.True(ch is (>= '0' and <= '9') or (>= 'a' and <= 'f')));
    }

    [Theory]
    [InlineData("step 1\r\nstep 2")]
    [InlineData("step 1\rstep 2")]
    [InlineData("step 1   \nstep 2\t")]
    [InlineData("step 1\nstep 2\n\n\n")]
    [InlineData("step 1 \r\nstep 2 \r\n")]
    public void Compute_LineEndingsAndTrailingWhitespace_Ignored(string variant)
    {
        Assert.Equal(PlanHash.Compute("step 1\nstep 2"), PlanHash.Compute(variant));
    }

    [Theory]
    [InlineData("step 1\nstep 3")]
    [InlineData(" step 1\nstep 2")]
    [InlineData("step 1\n\nstep 2")]
    [InlineData("Step 1\nstep 2")]
    public void Compute_ContentChanges_HashChanges(string variant)
    {
        Assert.NotEqual(PlanHash.Compute("step 1\nstep 2"), PlanHash.Compute(variant));
    }

    [Fact]
    public void Compute_Empty_Stable()
    {
        // SHA-256("") = e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
        Assert.Equal("e3b0c44298fc", PlanHash.Compute(string.Empty));
        Assert.Equal("e3b0c44298fc", PlanHash.Compute("  \r\n\n"));
    }

    [Fact]
    public void Normalize_MixedEndings_LfAndTrimmed()
    {
        Assert.Equal("a\nb\n\nc", PlanHash.Normalize("a  \r\nb\r\r\nc \n \n"));
    }
}
