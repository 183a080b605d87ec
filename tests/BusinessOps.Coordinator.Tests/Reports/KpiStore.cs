using BusinessOps.Core;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;
using BusinessOps.LocalStore;
using Microsoft.Extensions.Time.Testing;

namespace BusinessOps.Coordinator.Tests.Reports;

/// <summary>
/// A constructed local store whose KPIs are known by hand (see <see cref="ReportCommandTests"/>): five issues written
/// as the coordinator writes them (labels, a status comment with its marker, result comments), at chosen times.
/// </summary>
internal static class KpiStore
{
    public static readonly DateTimeOffset Now = new(2026, 11, 5, 12, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset Nov3 = new(2026, 11, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Nov4 = new(2026, 11, 4, 9, 0, 0, TimeSpan.Zero);

    public static async Task BuildAsync(string path, FakeTimeProvider clock, string firstTitle = "Is the site up?")
    {
        var building = new AnyTimeClock();
        using var store = SqliteIssueStore.Open(path, BotIdentity.Login, building);
        var ct = CancellationToken.None;

        // #1 done by itself: first action after 5 min, done after 65 min, $0.10.
        var one = await FileAsync(store, building, Nov3, firstTitle, ["operations/monitoring", "priority/P2", "status/done"]);
        await StatusAsync(store, building, one, Nov3.AddMinutes(5), new OpsState { Status = IssueStatus.Done, Agent = AgentNames.Operations, Attempt = 1, CostUsd = 0.10m });
        await ResultAsync(store, building, one, Nov3.AddMinutes(65), AgentOutcome.Completed, 0.10m, AgentNames.Operations);

        // #2 done after a failure and a human approval, breached: first action after 10 min, done after 130 min, $0.20.
        var two = await FileAsync(store, building, Nov3.AddHours(1), "Invoice 7", ["finance/invoice", "priority/P1", "client/acme", "status/done", "sla/breached"]);
        await StatusAsync(store, building, two, Nov3.AddHours(1).AddMinutes(10), new OpsState { Status = IssueStatus.Done, Agent = AgentNames.Finance, Attempt = 2, CostUsd = 0.20m, Audit = [new AuditEntry(Nov3.AddHours(2), "carla", "approved", "CFO")] });
        await ResultAsync(store, building, two, Nov3.AddHours(1).AddMinutes(20), AgentOutcome.Failed, 0.05m, AgentNames.Finance);
        await ResultAsync(store, building, two, Nov3.AddHours(1).AddMinutes(130), AgentOutcome.Completed, 0.15m, AgentNames.Finance);

        // #3 waiting for approval since Nov 4 09:30.
        var three = await FileAsync(store, building, Nov4, "Refund request", ["support/ticket", "priority/P3", "client/acme", "status/awaiting-approval"]);
        await StatusAsync(store, building, three, Nov4.AddMinutes(1), new OpsState { Status = IssueStatus.AwaitingApproval, Agent = AgentNames.Support, Attempt = 1, WaitingSince = Nov4.AddMinutes(30) });

        // #4 running locally since Nov 4 10:02.
        var four = await FileAsync(store, building, Nov4.AddHours(1), "Check the release", ["dev/qa", "priority/P2", "status/in-progress"]);
        await StatusAsync(store, building, four, Nov4.AddHours(1).AddMinutes(2), new OpsState { Status = IssueStatus.InProgress, Agent = AgentNames.Qa, Attempt = 1, Executor = ExecutorKind.Local, DispatchedAt = Nov4.AddHours(1).AddMinutes(2) });

        // #5 never touched by the coordinator.
        await FileAsync(store, building, Nov4.AddHours(2), "A question", []);
        clock.SetUtcNow(Now);
        _ = ct;
    }

    private static async Task<int> FileAsync(SqliteIssueStore store, AnyTimeClock clock, DateTimeOffset at, string title, string[] labels)
    {
        clock.Now = at;
        return (await store.CreateIssueAsync(new NewIssue(title, "### Request\n\nPlease.", labels), CancellationToken.None)).Number;
    }

    private static async Task StatusAsync(SqliteIssueStore store, AnyTimeClock clock, int issue, DateTimeOffset at, OpsState state)
    {
        clock.Now = at;
        await store.AddCommentAsync(issue, "Status\n\n" + Markers.Format(state), CancellationToken.None);
    }

    private static async Task ResultAsync(SqliteIssueStore store, AnyTimeClock clock, int issue, DateTimeOffset at, AgentOutcome outcome, decimal cost, string agent)
    {
        clock.Now = at;
        var key = $"local/ops#{issue}/a1/plan";
        await store.AddCommentAsync(issue, "Result\n\n" + Markers.Format(new ResultRecord(key, agent, outcome, 0.9, cost)), CancellationToken.None);
    }

    /// <summary>A clock set to each moment of the history as it is written (FakeTimeProvider cannot go back in time).</summary>
    private sealed class AnyTimeClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
