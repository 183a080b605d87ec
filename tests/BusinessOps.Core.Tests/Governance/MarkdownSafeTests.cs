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
    [InlineData("${{ secrets.X }}", "$\u200B{{ secrets.X }}")]
    [InlineData("$5 {not} ${ {x}", "$5 {not} ${ {x}")]
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

    [Fact]
    public void Block_MultiLineReport_KeepsStructureNeutralizesText()
    {
        var report = "| a | b |\n|---|---|\n| `x` | c\\|d |\r\n- @team <b> & ${{ secrets.TOKEN }}\tend\u202Eexe\u0000";

        Assert.Equal("| a | b |\n|---|---|\n| `x` | c\\|d |\n- @\u200Dteam &lt;b&gt; &amp; $\u200B{{ secrets.TOKEN }}\tendexe", MarkdownSafe.Block(report));
    }

    [Fact]
    public void Block_AppliedTwice_SameAsOnce()
    {
        // An agent's comment template escapes its values, and the result comment neutralizes the whole report again:
        // the reader must see "<b> & @team", not "&lt;b&gt; &amp;amp;".
        var once = MarkdownSafe.Block("- @team <b> & ${{ secrets.TOKEN }} a > 0");

        Assert.Equal(once, MarkdownSafe.Block(once));
        Assert.Equal("- @\u200Dteam &lt;b&gt; &amp; $\u200B{{ secrets.TOKEN }} a &gt; 0", once);
    }

    [Fact]
    public void Block_PlainText_ReturnedAsIs()
    {
        const string text = "two\nlines";

        Assert.Same(text, MarkdownSafe.Block(text));
    }

    [Theory]
    [InlineData("a|b", 200, "a\\|b")]
    [InlineData("a\\|b", 200, "a\\\\\\|b")]
    [InlineData("one\ntwo", 200, "one two")]
    [InlineData("abcdef", 3, "abc…")]
    public void Cell_Untrusted_OneLineAndRowCannotBreak(string input, int max, string expected)
    {
        Assert.Equal(expected, MarkdownSafe.Cell(input, max));
    }
}
