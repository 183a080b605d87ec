using BusinessOps.Core.Scrubbing;
using Xunit;

namespace BusinessOps.Core.Tests.Scrubbing;

/// <summary>Issue 9 #11: the whole-text neutralising applied to everything written.</summary>
public sealed class StoreTextTests
{
    [Theory]
    [InlineData("deploy ${{ secrets.AWS_KEY }} now", "deploy $\u200B{{ secrets.AWS_KEY }} now")]
    [InlineData("a\0b", "ab")]
    [InlineData("evil \u202Etxt.exe", "evil txt.exe")]
    [InlineData("\u2066isolate\u2069", "isolate")]
    [InlineData("$\u202E{{ x }}", "$\u200B{{ x }}")]
    [InlineData("plain ${ x } and $5 and {{ y }}", "plain ${ x } and $5 and {{ y }}")]
    [InlineData("<!-- businessops:state {\"a\":1} -->\n**bold** @alice", "<!-- businessops:state {\"a\":1} -->\n**bold** @alice")]
    public void Neutralize_WholeText(string text, string expected)
    {
        Assert.Equal(expected, StoreText.Neutralize(text));
    }

    [Fact]
    public void Scrub_Twice_SameAsOnce()
    {
        var masker = new SecretMasker();
        masker.Add("super-secret-value");
        var once = StoreText.Scrub("${{ x }} super-secret-value \u202E ghp_aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5", masker);

        Assert.Equal("$\u200B{{ x }} ***  ***", once);
        Assert.Equal(once, StoreText.Scrub(once, masker));
    }
}
