using BusinessOps.Core.Governance;
using Xunit;

namespace BusinessOps.Core.Tests.Governance;

public sealed class MarkdownSafeTests
{
    [Fact]
    public void Inline_PlainText_ReturnedAsIs()
    {
        const string text = "plain text, 42 words";

        Assert.Same(text, MarkdownSafe.Inline(text));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("@a", "@\u200Da")]
    [InlineData("a<b>c", "a&lt;b&gt;c")]
    [InlineData("a&lt;", "a&amp;lt;")]
    [InlineData("`x`", "\\`x\\`")]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("a\nb\r\nc\td", "a b  c d")]
    [InlineData("cell | break", "cell \\| break")]
    [InlineData("bell\u0007null\u0000", "bellnull")]
    [InlineData("evil\u202Etxt.exe", "eviltxt.exe")]
    [InlineData("iso\u2066late\u2069", "isolate")]
    public void Inline_SpecialCharacters_Neutralized(string? input, string expected)
    {
        Assert.Equal(expected, MarkdownSafe.Inline(input));
    }

    [Fact]
    public void Inline_LongerThanBound_CutWithEllipsis()
    {
        Assert.Equal("abc…", MarkdownSafe.Inline("abcdef", 3));
    }

    [Fact]
    public void Inline_CutInsideSurrogatePair_DropsTheHalf()
    {
        Assert.Equal("ab…", MarkdownSafe.Inline("ab\U0001F600cd", 3));
    }

    [Fact]
    public void Inline_NonAsciiText_Kept()
    {
        const string text = "Überweisung für Zoë — 東京 😀";

        Assert.Same(text, MarkdownSafe.Inline(text));
    }
}
