using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;
using Xunit;

namespace BusinessOps.Agents.Tests;

public sealed class FormParserTests
{
    [Fact]
    public void Parse_HeadingsCaseInsensitiveAndNoResponse_ReturnsValues()
    {
        var form = IssueFormParser.Parse("### Vendor\n\nAcme\n\n### Tax Rate\n\n_No response_\n");

        Assert.Equal("Acme", form.Get("vendor"));
        Assert.Equal(string.Empty, form.Get("TAX RATE"));
        Assert.Null(form.Get("Total"));
    }

    [Fact]
    public void Parse_HeadingInsideCodeFence_StaysInValue()
    {
        var form = IssueFormParser.Parse("### Content\n\n```md\n### Not a field\ntext\n```\n\n### Next\n\nx");

        Assert.Equal("```md\n### Not a field\ntext\n```", form.Get("Content"));
        Assert.Null(form.Get("Not a field"));
        Assert.Equal("x", form.Get("Next"));
    }

    [Fact]
    public void Parse_CrLfAndTrailingHashes_Normalized()
    {
        var form = IssueFormParser.Parse("### Service ###\r\n\r\nbilling-api\r\n");

        Assert.Equal("billing-api", form.Get("Service"));
    }

    [Fact]
    public void StripFence_FencedXml_ReturnsInner()
    {
        Assert.Equal("<a/>\n<b/>", IssueForm.StripFence("```xml\n<a/>\n<b/>\n```"));
    }

    [Fact]
    public async Task ProcessAsync_MissingRequiredField_ExitTwoNamingField()
    {
        var body = "### Vendor\n\nHooli\n\n### Invoice number\n\nH-1\n\n### Invoice date\n\n2026-11-01\n\n### Due date\n\n2026-12-01\n\n### Line items\n\nA | 1 | 10\n\n### Tax rate\n\n0\n";

        var run = await Agents.RunAsync(AgentNames.Finance, body);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(AgentOutcome.Failed, run.Result.Outcome);
        Assert.True(run.Result.Permanent);
        Assert.Equal("Field `Total` is required: the invoice total in USD, e.g. 1250.00.", run.Result.Summary);
    }

    [Fact]
    public async Task ProcessAsync_EmptyBody_ExitTwoNamingFirstField()
    {
        var run = await Agents.RunAsync(AgentNames.Security, string.Empty);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("Field `Content` is required", run.Result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_MaxSizeBody_ScansAll65536Characters()
    {
        var filler = new string('a', 65_536 - 200);
        var body = "### Content\n\n" + filler + "\nkey AKIA" + "ABCDEFGHIJKLMNOP\n";
        body += new string('b', 65_536 - body.Length);

        var run = await Agents.RunAsync(AgentNames.Security, body);

        Assert.Equal(65_536, body.Length);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(1, run.Num("findingCount"));
    }

    [Fact]
    public async Task ProcessAsync_BinaryLookingBody_BadInputNotCrash()
    {
        var junk = new string(Enumerable.Range(0, 4096).Select(i => (char)(i % 32)).ToArray());

        var run = await Agents.RunAsync(AgentNames.Finance, junk);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("Field `Vendor`", run.Result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_InvalidDate_SaysWhatIsExpected()
    {
        var body = "### Vendor\n\nHooli\n\n### Invoice number\n\nH-1\n\n### Invoice date\n\n11/01/2026\n";

        var run = await Agents.RunAsync(AgentNames.Finance, body);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("Field `Invoice date` is invalid: expected a date YYYY-MM-DD, e.g. 2026-11-01, got `11/01/2026`.", run.Result.Summary);
    }
}
