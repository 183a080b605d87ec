using BusinessOps.Coordinator.Tests.Cli;
using BusinessOps.Core;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Reports.Browser;

/// <summary>
/// A client's weekly report through the real command (<c>coordinator schedule --at</c>, the session's wiring, policies
/// from files) with the PDF printed by the real headless Chromium; the same slot again writes nothing.
/// </summary>
public sealed class ScheduledReportPdfTests : IDisposable
{
    private readonly InProcessCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Schedule_ClientReportSlot_CommentCarriesTheReport_AndThePdfIsPrinted_OnceOnly()
    {
        var policies = Path.Combine(_cli.Root, "policies");
        Directory.CreateDirectory(policies);
        await File.WriteAllTextAsync(Path.Combine(policies, "schedules.yml"), """
            timeZone: UTC
            schedules:
              - id: monthly-client-report
                cron: "0 9 1 * *"
                perClient: true
                report: month
                issue:
                  title: "Monthly report for {client} ({month})"
                  agent: analytics
                  labels: [analytics/reporting]
            """);
        await File.WriteAllTextAsync(Path.Combine(policies, "tenants.yml"), "clients:\n  acme:\n    name: Acme Outdoor Co.\n");
        await KpiStore.BuildAsync(_cli.StorePath, _cli.Clock);
        var folder = Path.Combine(_cli.Root, "reports");
        _cli.Environment["BUSINESSOPS_CHROMIUM"] = TestChromium.Path;
        _cli.Environment["BUSINESSOPS_REPORTS_DIR"] = folder;

        var first = await _cli.RunAsync("schedule", "--at", "2026-12-01T09:05:00Z", "--store", _cli.StorePath, "--policies", policies);
        var again = await _cli.RunAsync("schedule", "--at", "2026-12-01T09:20:00Z", "--store", _cli.StorePath, "--policies", policies);

        Assert.True(first.ExitCode == ExitCodes.Ok, first.Error);
        Assert.Equal(ExitCodes.Ok, again.ExitCode);
        var pdf = Path.Combine(folder, "acme", "monthly-client-report-2026-12-01.pdf");
        var bytes = await File.ReadAllBytesAsync(pdf);
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        Assert.Equal([pdf], Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories));
        using var store = LocalStore.SqliteIssueStore.Open(_cli.StorePath, BotIdentity.Login, _cli.Clock);
        var issue = Assert.Single(await store.ListIssuesAsync(new Core.Ports.IssueQuery(Core.Ports.IssueStateFilter.All), CancellationToken.None), i => i.Title.StartsWith("Monthly report for acme", StringComparison.Ordinal));
        var report = Assert.Single(issue.Comments, c => c.Body.StartsWith("<!-- businessops:report monthly-client-report/acme@2026-12-01T09:00:00Z -->", StringComparison.Ordinal)).Body;
        Assert.Contains("# Monthly report for Acme Outdoor Co.", report, StringComparison.Ordinal);
        Assert.Contains("PDF: `" + pdf + "`", report, StringComparison.Ordinal);
    }
}
