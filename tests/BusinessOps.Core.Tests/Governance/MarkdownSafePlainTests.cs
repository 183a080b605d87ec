using BusinessOps.Core.Governance;
using Xunit;

namespace BusinessOps.Core.Tests.Governance;

/// <summary><see cref="MarkdownSafe.ToPlain"/>: what a terminal shows of text neutralised for a comment.</summary>
public sealed class MarkdownSafePlainTests
{
    [Theory]
    [InlineData("R&D <draft> a|b `code` c:\\path", "R&D <draft> a|b `code` c:\\path")]
    [InlineData("literally &amp; in the source", "literally &amp; in the source")]
    [InlineData("&&lt;&", "&&lt;&")]
    [InlineData("trailing \\", "trailing \\")]
    public void ToPlain_OfInline_GivesBackWhatWasWritten(string written, string shown)
    {
        Assert.Equal(shown, MarkdownSafe.ToPlain(MarkdownSafe.Inline(written)));
    }

    [Theory]
    [InlineData("clear \u001b[2J screen", "clear [2J screen")]
    [InlineData("evil\u202Etxt.exe", "eviltxt.exe")]
    [InlineData("two\nlines\r\n", "two lines  ")]
    [InlineData("Smith &amp; Sons \\| INV", "Smith & Sons | INV")]
    [InlineData(null, "")]
    public void ToPlain_RawOrEscaped_NoControlCharactersAndEscapesUndone(string? text, string shown)
    {
        Assert.Equal(shown, MarkdownSafe.ToPlain(text));
    }
}
