using System.Globalization;
using BusinessOps.Coordinator.Commands.Issues;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Kpis;
using BusinessOps.Core.Kpis.Snapshots;
using BusinessOps.Core.Labels;

namespace BusinessOps.Coordinator.Reports.Terminal;

/// <summary>What <c>coordinator status</c> shows: the KPIs against their targets, open issues by status, what needs a person, open alerts.</summary>
public static class StatusView
{
    private const int MaxAttention = 10;

    public static void Write(Screen screen, string location, IReadOnlyList<IssueFacts> facts, KpiSnapshot snapshot, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(screen);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(snapshot);
        screen.Line($"Operations at a glance · {HumanText.Line(location, 80)} · {ReportText.Time(now)}");
        screen.Heading($"KPIs, {ReportText.Period(snapshot.Period)}");
        var rows = snapshot.Measures.Select(m => new[] { m.Label, ReportText.Percent(m.Value), (m.Above ? "> " : "< ") + ReportText.Percent(m.Target), m.Met switch { true => "met", false => "MISSED", null => "no data" } }).ToList();
        var o = snapshot.Overall;
        rows.Add(["Processed / done", ReportText.Count(o.Processed) + " / " + ReportText.Count(o.Done), string.Empty, string.Empty]);
        rows.Add(["Time to first action p50 / p95", ReportText.Duration(snapshot.TimeToFirstAction.P50Seconds) + " / " + ReportText.Duration(snapshot.TimeToFirstAction.P95Seconds), string.Empty, string.Empty]);
        rows.Add(["Time to done p50 / p95", ReportText.Duration(snapshot.TimeToDone.P50Seconds) + " / " + ReportText.Duration(snapshot.TimeToDone.P95Seconds), string.Empty, string.Empty]);
        rows.Add(["Cost / per operation", ReportText.Usd(o.CostUsd) + " / " + ReportText.Usd(o.CostPerOperation), string.Empty, string.Empty]);
        screen.Table(["KPI", "value", "target", "status"], rows, new HashSet<int> { 1 });

        screen.Heading("Open issues by status");
        var open = facts.Where(f => f.State == IssueState.Open && !f.IsDashboard).ToList();
        var byStatus = open.Where(f => !f.IsTask).GroupBy(f => f.Status).OrderBy(g => g.Key)
            .Select(g => new[] { g.Key == IssueStatus.New ? "new" : LabelNames.For(g.Key)[LabelNames.StatusPrefix.Length..], g.Count().ToString(CultureInfo.InvariantCulture) }).ToList();
        var tasks = open.Count(f => f.IsTask);
        if (tasks > 0)
        {
            // Tasks an approved plan opened for people: counted apart, not as untriaged "new" work.
            byStatus.Add(["task (people's work)", tasks.ToString(CultureInfo.InvariantCulture)]);
        }

        screen.Table(["status", "issues"], byStatus, new HashSet<int> { 1 });

        screen.Heading($"Needs a person now: {snapshot.AttentionTotal.ToString(CultureInfo.InvariantCulture)}");
        if (snapshot.Attention.Count > 0)
        {
            screen.Table(
                ["#", "title", "why", "waiting", "priority", "agent"],
                [.. snapshot.Attention.Take(MaxAttention).Select(a => new[] { "#" + a.Number.ToString(CultureInfo.InvariantCulture), HumanText.Line(a.Title, 50), a.Kind.ToString().ToLowerInvariant(), ReportText.Duration(a.AgeSeconds), a.Priority?.ToString() ?? "-", a.Agent ?? "-" })],
                new HashSet<int> { 0 });
        }

        var alerts = facts.Where(f => f.IsDashboard && f.Board is not null).SelectMany(f => f.Board!.Alerts).ToList();
        screen.Heading($"Open alerts: {alerts.Count.ToString(CultureInfo.InvariantCulture)}");
        foreach (var a in alerts)
        {
            screen.Line($"  {HumanText.Line(a.Title, 120)} (since {ReportText.Time(a.Since)})");
        }
    }
}
