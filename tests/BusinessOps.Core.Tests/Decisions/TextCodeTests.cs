using BusinessOps.Core.Decisions;
using Xunit;

namespace BusinessOps.Core.Tests.Decisions;

/// <summary><see cref="Text.Code"/>: a code span of untrusted text (a label, a login, an agent name) that reads as it is.</summary>
public sealed class TextCodeTests
{
    [Theory]
    [InlineData("client/acme\u202Egnp.exe", "`client/acmegnp.exe`")]
    [InlineData("\u2066mallory\u2069", "`mallory`")]
    [InlineData("a\u0000b\u001Bc\u007Fd", "`abcd`")]
    [InlineData("tab\tline\nbreak\r", "`tab line break `")]
    [InlineData("`x`", "`'x'`")]
    [InlineData("ai-qa-agent", "`ai-qa-agent`")]
    public void Code_ControlAndBidiCharacters_Removed(string value, string expected) =>
        Assert.Equal(expected, Text.Code(value));

    [Fact]
    public void Code_LongValue_BoundedWithEllipsis()
    {
        var code = Text.Code(new string('x', 5000));

        Assert.Equal(202, code.Length);
        Assert.EndsWith("…`", code, StringComparison.Ordinal);
    }
}
