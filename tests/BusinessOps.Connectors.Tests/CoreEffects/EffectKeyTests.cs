using BusinessOps.Connectors.Tests.Support;
using BusinessOps.Core.Effects;

namespace BusinessOps.Connectors.Tests.CoreEffects;

public sealed class EffectKeyTests
{
    [Fact]
    public void ToString_AttemptKeyPlusIndex() => Assert.Equal("acme/ops#7/a2/execute/e3", Samples.Key(3, attempt: 2).ToString());

    [Fact]
    public void TryParse_RoundTrips()
    {
        Assert.True(EffectKey.TryParse("acme/my.repo#12/a1/execute/e10", out var key));
        Assert.Equal("acme/my.repo", key.Attempt.Repository);
        Assert.Equal(12, key.Attempt.Issue);
        Assert.Equal(10, key.Index);
        Assert.Equal("acme/my.repo#12/a1/execute/e10", key.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("acme/ops#7/a1/execute")]
    [InlineData("acme/ops#7/a1/execute/e")]
    [InlineData("acme/ops#7/a1/execute/e0")]
    [InlineData("acme/ops#7/a1/execute/x1")]
    [InlineData("acme/ops#7/a1/execute/e-1")]
    [InlineData("acme/ops#7/a1/deploy/e1")]
    public void TryParse_Malformed_False(string? text) => Assert.False(EffectKey.TryParse(text, out _));
}
