using System.Globalization;
using BusinessOps.Core;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;
using BusinessOps.LocalStore;

namespace BusinessOps.Benchmarks.Scenarios.Kpis;

/// <summary>
/// A SQLite store of <c>n</c> issues as the coordinator leaves them, spread over the 28 days before <c>now</c>: labels,
/// a status comment with its marker, and an agent's result comment each (so every KPI has data); a mix of agents,
/// priorities, clients and outcomes. Filed in bulk (one transaction per chunk), comments one by one as in production.
/// </summary>
internal static class KpiStoreBuilder
{
    private const int Chunk = 5_000;

    private static readonly string[] Routes = ["support/technical", "finance/invoice", "operations/monitoring", "dev/qa", "sales/lead", "marketing/campaign"];
    private static readonly string[] Agents = [AgentNames.Support, AgentNames.Finance, AgentNames.Operations, AgentNames.Qa, AgentNames.Sales, AgentNames.Marketing];

    public static async Task BuildAsync(string path, int n, DateTimeOffset now, TextWriter progress, CancellationToken ct)
    {
        var clock = new BuildClock { Now = now.AddDays(-28) };
        using var store = SqliteIssueStore.Open(path, BotIdentity.Login, clock);
        var spacing = TimeSpan.FromDays(28) / n;
        for (var from = 0; from < n; from += Chunk)
        {
            var batch = Enumerable.Range(from, Math.Min(Chunk, n - from)).Select(i => new ImportedIssue(
                string.Create(CultureInfo.InvariantCulture, $"Request {i}: the nightly export failed"),
                "### Details\n\nThe export stopped at 02:00 with a timeout.",
                Labels(i),
                "customer" + (i % 97).ToString(CultureInfo.InvariantCulture))).ToList();
            clock.Now = now.AddDays(-28) + (spacing * from);
            var numbers = await store.CreateIssuesAsync(batch, ct);
            for (var k = 0; k < numbers.Count; k++)
            {
                var i = from + k;
                var filed = now.AddDays(-28) + (spacing * i);
                clock.Now = filed.AddMinutes(3);
                await store.AddCommentAsync(numbers[k], "Status\n\n" + Markers.Format(State(i, filed)), ct);
                clock.Now = filed.AddMinutes(40);
                var outcome = i % 50 == 0 ? AgentOutcome.Failed : AgentOutcome.Completed;
                var key = string.Create(CultureInfo.InvariantCulture, $"local/ops#{numbers[k]}/a1/plan");
                await store.AddCommentAsync(numbers[k], "Result\n\n" + Markers.Format(new ResultRecord(key, Agents[i % Agents.Length], outcome, 0.9, 0.02m)), ct);
            }

            progress.Write(string.Create(CultureInfo.InvariantCulture, $"\r  filed {from + batch.Count:N0} of {n:N0}"));
        }

        progress.WriteLine();
    }

    private static string[] Labels(int i)
    {
        var labels = new List<string> { Routes[i % Routes.Length], "priority/P" + (i % 4).ToString(CultureInfo.InvariantCulture), "status/" + Status(i) switch
        {
            IssueStatus.Done => "done",
            IssueStatus.AwaitingApproval => "awaiting-approval",
            IssueStatus.Failed => "failed",
            _ => "in-progress",
        } };
        if (i % 3 == 0)
        {
            labels.Add("client/c" + (i % 40).ToString(CultureInfo.InvariantCulture));
        }

        if (i % 37 == 0)
        {
            labels.Add("sla/breached");
        }

        return [.. labels];
    }

    private static IssueStatus Status(int i) => (i % 20) switch
    {
        < 16 => IssueStatus.Done,
        16 => IssueStatus.AwaitingApproval,
        17 => IssueStatus.Failed,
        _ => IssueStatus.InProgress,
    };

    private static OpsState State(int i, DateTimeOffset filed) => new()
    {
        Status = Status(i),
        Agent = Agents[i % Agents.Length],
        Attempt = 1,
        CostUsd = 0.02m,
        CostAt = filed.AddMinutes(40),
        WaitingSince = Status(i) == IssueStatus.AwaitingApproval ? filed.AddMinutes(41) : null,
        Audit = i % 10 == 0 ? [new Core.Governance.AuditEntry(filed.AddMinutes(30), "carla", "approved", "reviewed")] : null,
    };

    /// <summary>
    /// The moment each write is made: a chunk's issues are filed together, then their comments at each issue's own times,
    /// so the clock goes back at each chunk (FakeTimeProvider cannot).
    /// </summary>
    private sealed class BuildClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
