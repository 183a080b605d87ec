using System.Text.Json;
using BusinessOps.Coordinator.Tests.Cli;
using BusinessOps.Core;
using BusinessOps.Core.Ports;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Reports;

/// <summary><c>coordinator report</c> on a constructed store whose KPIs were counted by hand (<see cref="KpiStore"/>).</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly InProcessCli _cli = new();

    public ReportCommandTests()
    {
        KpiStore.BuildAsync(_cli.StorePath, _cli.Clock).GetAwaiter().GetResult();
        Policies = Path.Combine(_cli.Root, "policies");
        Directory.CreateDirectory(Path.Combine(Policies, "templates"));
    }

    private string Policies { get; }

    public void Dispose() => _cli.Dispose();

    private Task<Issues.CliRun> Report(params string[] args) => _cli.RunAsync(["report", "--store", _cli.StorePath, "--policies", Policies, .. args]);

    [Fact]
    public async Task Report_Json_GivesTheHandCountedKpis()
    {
        var run = await Report("--format", "json", "--period", "week");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var s = run.Json();
        var o = s.GetProperty("overall");
        Assert.Equal(5, s.GetProperty("issues").GetInt32());
        Assert.Equal(4, o.GetProperty("processed").GetInt32());
        Assert.Equal(2, o.GetProperty("done").GetInt32());
        Assert.Equal(0.5, o.GetProperty("automationRate").GetDouble());
        Assert.Equal(0.5, o.GetProperty("slaCompliance").GetDouble());
        Assert.Equal(0.3333, o.GetProperty("errorRate").GetDouble());
        Assert.Equal(0.30m, o.GetProperty("costUsd").GetDecimal());
        Assert.Equal(0.075m, o.GetProperty("costPerOperation").GetDecimal());
        Assert.Equal(120, s.GetProperty("timeToFirstAction").GetProperty("p50Seconds").GetDouble());
        Assert.Equal(600, s.GetProperty("timeToFirstAction").GetProperty("p95Seconds").GetDouble());
        Assert.Equal(3900, s.GetProperty("timeToDone").GetProperty("p50Seconds").GetDouble());
        Assert.Equal(7800, s.GetProperty("timeToDone").GetProperty("p95Seconds").GetDouble());
        Assert.Equal(1, s.GetProperty("pending").GetProperty("approvals").GetInt32());
        Assert.Equal(26.5 * 3600, s.GetProperty("pending").GetProperty("oldestSeconds").GetDouble());
        Assert.Equal(0, s.GetProperty("byPriority").GetProperty("P1").GetProperty("slaCompliance").GetDouble());
        Assert.Equal(1, s.GetProperty("byPriority").GetProperty("P2").GetProperty("slaCompliance").GetDouble());
        Assert.Equal(2, s.GetProperty("byClient").GetProperty("acme").GetProperty("processed").GetInt32());
        Assert.Equal(0, s.GetProperty("workflows").GetProperty("scheduled").GetInt32());
        Assert.Equal([3], s.GetProperty("attention").EnumerateArray().Select(a => a.GetProperty("number").GetInt32()));
    }

    [Fact]
    public async Task Report_ForAClient_CountsOnlyItsIssues()
    {
        var run = await Report("--format", "json", "--client", "ACME");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var s = run.Json();
        Assert.Equal("acme", s.GetProperty("client").GetString());
        Assert.Equal(2, s.GetProperty("overall").GetProperty("processed").GetInt32());
        Assert.Equal(1, s.GetProperty("overall").GetProperty("done").GetInt32());
    }

    [Theory]
    [InlineData("--client", "initech", "unknown client 'initech'", "Known clients: acme.")]
    [InlineData("--period", "quarter", "--period must be day, week or month", "'quarter'")]
    [InlineData("--format", "docx", "--format must be md, html, json or pdf", "'docx'")]
    [InlineData("--format", "pdf", "--format pdf needs --out", "")]
    public async Task Report_BadRequest_ExitsTwoWithAClearMessage(string option, string value, string expected, string detail)
    {
        var run = await Report(option, value);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Contains(detail, run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public async Task Report_TemplateWithSyntaxError_ReportsFileAndLine_AndUsesTheBuiltIn()
    {
        var path = Path.Combine(Policies, "templates", "report.md.sbn");
        await File.WriteAllTextAsync(path, "# Our report\n\nProcessed: {{ processed }}\n{{ for m in measures }}\n- {{ m.label }\n");

        var run = await Report("--format", "md");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains(path + ":5:", run.Error, StringComparison.Ordinal);
        Assert.Contains("the built-in template was used instead", run.Error, StringComparison.Ordinal);
        Assert.Contains("# Operations report", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PoliciesValidate_BrokenReportTemplate_WarnsWithFileAndLine_AndTheFolderStaysValid()
    {
        var path = Path.Combine(Policies, "templates", "dashboard.md.sbn");
        await File.WriteAllTextAsync(path, "# Dashboard\n\n{{ for m in measures }}\n- {{ m.label }\n");

        var run = await _cli.RunAsync("policies", "validate", "--policies", Policies);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("warning: " + path + ":4:", run.Error, StringComparison.Ordinal);
        Assert.Contains("the built-in template is used until it is fixed", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_TemplateNamingAnUnknownValue_ReportsWhere_AndUsesTheBuiltIn()
    {
        var path = Path.Combine(Policies, "templates", "report.md.sbn");
        await File.WriteAllTextAsync(path, "line one\n{{ processed }} and {{ no_such_value }}\n");

        var run = await Report("--format", "md");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains(path + ":2:", run.Error, StringComparison.Ordinal);
        Assert.Contains("# Operations report", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_BusinessTemplate_IsUsed_AndGetsEscapedValues()
    {
        await File.WriteAllTextAsync(Path.Combine(Policies, "templates", "report.md.sbn"), "Our week: {{ processed }} processed; first: {{ attention[0].title }}\n");
        using var store = LocalStore.SqliteIssueStore.Open(_cli.StorePath, BotIdentity.Login, _cli.Clock);
        await store.AddCommentAsync(3, "/approve", CancellationToken.None);

        var run = await Report("--format", "md");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.StartsWith("Our week: 4 processed; first: Refund request", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_UntrustedTitle_IsEscapedInEveryFormat()
    {
        using var cli = new InProcessCli();
        await KpiStore.BuildAsync(cli.StorePath, cli.Clock, firstTitle: "<script>alert(1)</script> @everyone | x");
        using var store = LocalStore.SqliteIssueStore.Open(cli.StorePath, BotIdentity.Login, cli.Clock);
        await store.UpdateLabelsAsync(1, ["sla/breached", "status/escalated"], ["status/done"], CancellationToken.None);

        var html = await cli.RunAsync("report", "--store", cli.StorePath, "--policies", Policies, "--format", "html");
        var md = await cli.RunAsync("report", "--store", cli.StorePath, "--policies", Policies, "--format", "md");

        Assert.DoesNotContain("<script>", html.Output, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", md.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("@everyone", md.Output, StringComparison.Ordinal);
        Assert.Contains("\\| x", md.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_HtmlToAFolder_WritesThePageAndItsNumbers_AndTheStepSummary()
    {
        var site = Path.Combine(_cli.Root, "site") + Path.DirectorySeparatorChar;
        var summary = Path.Combine(_cli.Root, "summary.md");
        _cli.Environment["GITHUB_STEP_SUMMARY"] = summary;

        var run = await Report("--format", "html", "--out", site);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var page = await File.ReadAllTextAsync(Path.Combine(site, "index.html"));
        Assert.Contains("<svg class=\"chart\" role=\"img\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", page.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal);
        Assert.Contains("data-kpi=\"processed\">4<", page, StringComparison.Ordinal);
        using var numbers = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(site, "index.json")));
        Assert.Equal(4, numbers.RootElement.GetProperty("overall").GetProperty("processed").GetInt32());
        Assert.DoesNotContain('\u001b', run.Error + run.Output);
        Assert.Contains("# Operations report", await File.ReadAllTextAsync(summary), StringComparison.Ordinal);
        Assert.Contains("```mermaid", await File.ReadAllTextAsync(summary), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_PdfWithoutChromium_SaysHowToGetIt_AndKeepsTheHtml()
    {
        _cli.Environment["BUSINESSOPS_CHROMIUM"] = Path.Combine(_cli.Root, "no-chromium-here");
        var pdf = Path.Combine(_cli.Root, "out", "report.pdf");

        var run = await Report("--format", "pdf", "--out", pdf);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("Chromium is not installed", run.Error, StringComparison.Ordinal);
        Assert.Contains("apt-get install chromium", run.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.ChangeExtension(pdf, ".html")));
        Assert.False(File.Exists(pdf));
    }

    [Fact]
    public async Task Status_TaskAnApprovedPlanOpened_CountedAsATaskNotAsNew()
    {
        var before = await _cli.RunAsync("status", "--store", _cli.StorePath, "--policies", Policies);
        using (var store = LocalStore.SqliteIssueStore.Open(_cli.StorePath, BotIdentity.Login, _cli.Clock))
        {
            await store.CreateIssueAsync(new NewIssue("Write the migration", "Step 2 of the plan.\n\n<!-- businessops:effect o/r#3/execute/1/e2 -->", []), CancellationToken.None);
        }

        var status = await _cli.RunAsync("status", "--store", _cli.StorePath, "--policies", Policies);

        Assert.Equal(ExitCodes.Ok, status.ExitCode);
        Assert.Contains(status.OutputLines, l => l.StartsWith("task (people's work)", StringComparison.Ordinal) && l.EndsWith('1'));
        static string? New(IEnumerable<string> lines) => lines.FirstOrDefault(l => l.StartsWith("new ", StringComparison.Ordinal))?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.Equal(New(before.OutputLines), New(status.OutputLines));
    }

    [Fact]
    public async Task Status_And_Operations_PrintPlainLinesWhenNotATerminal()
    {
        var status = await _cli.RunAsync("status", "--store", _cli.StorePath, "--policies", Policies);
        var operations = await _cli.RunAsync("operations", "--store", _cli.StorePath, "--policies", Policies);

        Assert.Equal(ExitCodes.Ok, status.ExitCode);
        Assert.Contains(status.OutputLines, l => l.StartsWith("Automation rate", StringComparison.Ordinal) && l.Contains("50.0 %", StringComparison.Ordinal) && l.EndsWith("MISSED", StringComparison.Ordinal));
        Assert.Contains(status.OutputLines, l => l.StartsWith("Needs a person now: 1", StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', status.Output);
        Assert.Equal(ExitCodes.Ok, operations.ExitCode);
        Assert.Contains(operations.OutputLines, l => l.StartsWith("#4", StringComparison.Ordinal) && l.Contains("in-progress", StringComparison.Ordinal) && l.Contains("local", StringComparison.Ordinal) && l.Contains("25 h 58 min", StringComparison.Ordinal));
    }
}
