using BusinessOps.Automation.Schedules;
using BusinessOps.Coordinator.Automation;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Coordinator.Reports;
using BusinessOps.Coordinator.Reports.Scheduled;
using BusinessOps.Coordinator.Reports.Templates;
using BusinessOps.Coordinator.Tests.Automation;
using BusinessOps.Core.Kpis;
using BusinessOps.Core.Kpis.Snapshots;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Reports;

/// <summary>
/// Issue 14, scheduled client reports: each client's weekly slot issue gets the week's KPI report of that client once,
/// pass after pass, and the next week's slot gets the next one — the real pass over the in-memory store on a fake clock.
/// </summary>
public sealed class ScheduledReportTests : IDisposable
{
    private const string Schedules = """
        timeZone: UTC
        schedules:
          - id: weekly-client-report
            cron: "0 9 * * 1"
            perClient: true
            report: week
            issue:
              title: "Weekly report for {client} ({week})"
              agent: analytics
              labels: [analytics/reporting]
              priority: P2
        """;

    private const string Tenants = """
        clients:
          acme:
            name: Acme Outdoor Co.
          globex:
            name: Globex Analytics
        """;

    // Sunday 8 November 2026, noon UTC: the day before the first slot (Monday 9 November, 09:00).
    private static readonly DateTimeOffset Sunday = new(2026, 11, 8, 12, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("businessops-reports-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Passes_AcrossAWeekBoundary_OneReportPerClientPerWeek_ARerunWritesNothing()
    {
        var s = new AutoShell(new Dictionary<string, string> { ["schedules.yml"] = Schedules, ["tenants.yml"] = Tenants }, Sunday.AddDays(-3));
        await s.Inner.FileAsync("Tent order stuck in checkout", "Customer cannot pay.", "client/acme", "agent/support", "support/ticket");
        await PassAsync(s);
        s.Clock.SetUtcNow(Sunday);
        await PassAsync(s);
        Assert.Empty(await ReportsAsync(s));

        s.Clock.SetUtcNow(Sunday.AddHours(21.5)); // Monday 09:30: the week turned
        await PassAsync(s);

        var first = await ReportsAsync(s);
        Assert.Equal(["weekly-client-report/acme@2026-11-09T09:00:00Z", "weekly-client-report/globex@2026-11-09T09:00:00Z"], first.Select(r => r.Slot).Order(StringComparer.Ordinal));
        var acme = Assert.Single(first, r => r.Slot.Contains("/acme@", StringComparison.Ordinal)).Body;
        var globex = Assert.Single(first, r => r.Slot.Contains("/globex@", StringComparison.Ordinal)).Body;
        Assert.Contains("# Weekly report for Acme Outdoor Co.", acme, StringComparison.Ordinal);
        Assert.Contains("| Issues processed | 1 |", acme, StringComparison.Ordinal);
        Assert.Contains("# Weekly report for Globex Analytics", globex, StringComparison.Ordinal);
        Assert.Contains("| Issues processed | 0 |", globex, StringComparison.Ordinal);
        Assert.Contains("No PDF this time: Chromium is not installed", acme, StringComparison.Ordinal);
        var files = Files();

        // Reruns in the same week (a retried job, the next pass, the next day) write nothing: no comment, no file.
        await PassAsync(s);
        s.Clock.Advance(TimeSpan.FromDays(1));
        await PassAsync(s);
        Assert.Equal(first, await ReportsAsync(s));
        Assert.Equal(files, Files());

        s.Clock.SetUtcNow(Sunday.AddDays(7).AddHours(21.5)); // the next Monday 09:30
        await PassAsync(s);

        var all = await ReportsAsync(s);
        Assert.Equal(4, all.Count);
        Assert.Equal(2, all.Count(r => r.Slot.EndsWith("@2026-11-16T09:00:00Z", StringComparison.Ordinal)));
        Assert.All(all.GroupBy(r => r.Issue), g => Assert.Single(g));
    }

    [Fact]
    public void Covered_IsTheWholeUtcDaysBeforeTheSlot_WhenEverItIsMade()
    {
        var slot = new ReportSlot(new SlotKey("weekly-client-report/acme", new DateTimeOffset(2026, 11, 9, 9, 0, 0, TimeSpan.Zero)), "acme", KpiPeriodKind.Week, null!);

        var period = slot.Covered();

        Assert.Equal(new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero), period.From);
        Assert.Equal(new DateTimeOffset(2026, 11, 9, 0, 0, 0, TimeSpan.Zero).AddTicks(-1), period.To);
    }

    private async Task PassAsync(AutoShell s)
    {
        var options = new ScheduledReportOptions(KpiTargets.Default, s.Automation.Clients, new PdfPrinter(Path.Combine(_folder, "no-chromium")), _folder, null, null, "test store");
        var step = new AutomationStep(s.Automation, s.Clock, Log.Quiet)
        {
            Reports = new ScheduledReports(s.Store, new ReportRenderer(new TemplateRenderer(null)), options, Log.Quiet),
        };
        await new Reconciler(s.Inner.Store, s.Executor, s.Inner.Policies, s.Clock, new ReconcileOptions(1, false, DispatchImmediately: false), Log.Quiet) { Automation = step }
            .RunOnceAsync(CancellationToken.None);
    }

    /// <summary>Every report comment: its slot (from its marker), its issue and its text.</summary>
    private static async Task<List<(string Slot, int Issue, string Body)>> ReportsAsync(AutoShell s)
    {
        const string Prefix = "<!-- businessops:report ";
        return [.. (await s.AllAsync())
            .SelectMany(i => i.Comments.Where(c => c.Body.StartsWith(Prefix, StringComparison.Ordinal)).Select(c => (Slot: c.Body[Prefix.Length..c.Body.IndexOf(" -->", StringComparison.Ordinal)], Issue: i.Number, c.Body)))
            .OrderBy(r => r.Issue)];
    }

    private string[] Files() => [.. Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
}
