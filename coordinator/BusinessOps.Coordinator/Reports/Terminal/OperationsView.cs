using System.Globalization;
using BusinessOps.Coordinator.Commands.Issues;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Kpis;
using BusinessOps.Core.Labels;

namespace BusinessOps.Coordinator.Reports.Terminal;

/// <summary>What <c>coordinator operations</c> shows: every open issue in flight (dispatched, or queued for it), oldest first.</summary>
public static class OperationsView
{
    /// <summary>The issues in flight, oldest dispatch first.</summary>
    public static IReadOnlyList<IssueFacts> InFlight(IEnumerable<IssueFacts> facts) =>
        [.. facts.Where(f => f.State == IssueState.Open && f.Status is IssueStatus.InProgress or IssueStatus.Queued)
            .OrderBy(f => f.Status == IssueStatus.InProgress ? 0 : 1).ThenBy(f => f.DispatchedAt ?? f.UpdatedAt).ThenBy(f => f.Number)];

    public static void Write(Screen screen, IReadOnlyList<IssueFacts> facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(screen);
        var flight = InFlight(facts);
        var running = flight.Count(f => f.Status == IssueStatus.InProgress);
        screen.Line($"In flight: {running.ToString(CultureInfo.InvariantCulture)} running, {(flight.Count - running).ToString(CultureInfo.InvariantCulture)} queued · {ReportText.Time(now)}");
        if (flight.Count == 0)
        {
            screen.Line("Nothing is in flight.");
            return;
        }

        screen.Table(
            ["#", "title", "status", "agent", "executor", "attempt", "since", "age"],
            [.. flight.Select(f =>
            {
                var since = f.DispatchedAt ?? f.UpdatedAt;
                return new[]
                {
                    "#" + f.Number.ToString(CultureInfo.InvariantCulture),
                    HumanText.Line(f.Title, 50),
                    LabelNames.For(f.Status)[LabelNames.StatusPrefix.Length..],
                    f.Agent ?? "-",
                    f.Executor?.ToString().ToLowerInvariant() ?? "-",
                    f.Attempt.ToString(CultureInfo.InvariantCulture),
                    ReportText.Time(since),
                    ReportText.Duration(Math.Max(0, (now - since).TotalSeconds)),
                };
            })],
            new HashSet<int> { 0, 5 });
    }
}
