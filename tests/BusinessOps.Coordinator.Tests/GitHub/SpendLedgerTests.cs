using BusinessOps.Coordinator.Tests.GitHub.Scenarios;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;
using BusinessOps.GitHub;
using BusinessOps.GitHub.Events;
using Xunit;
using Xunit.Abstractions;

namespace BusinessOps.Coordinator.Tests.GitHub;

/// <summary>
/// Today's spend on GitHub: one ledger over every issue executed today, closed ones included, read only when a new plan
/// is gated — through event mode (one issue in hand: every issue updated since midnight) and the full pass (the open
/// issues in hand: only the closed ones since midnight besides).
/// </summary>
public sealed class SpendLedgerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Event_PlanInWhileAClosedIssueSpentPastTheLimit_RoutineWorkWaitsForApproval()
    {
        await using var s = await GitHubScenario.StartAsync();
        var (_, plan) = await ArrangeAsync(s);
        var parsed = GitHubEvents.Parse(await s.PayloadAsync("edited", plan, "alice", CancellationToken.None), "issues");

        var pass = await s.MeasureAsync("event", async (reconciler, ct) =>
        {
            using var store = new GitHubIssueStore(s.Options(), s.Clock);
            return await reconciler.ReconcileAsync([await store.CompleteAsync(parsed, ct)], ct);
        }, CancellationToken.None);

        output.WriteLine(pass.ToString());
        var issue = s.Server.GetIssue(plan)!;
        Assert.Contains("status/awaiting-approval", issue.Labels);
        Assert.Contains(issue.Comments, c => c.Body.Contains("Daily spending limit reached", StringComparison.Ordinal));

        // The payload issue's comments, then the ledger: one conditional listing of issues and of comments since the last
        // run, and the comments of the two issues updated today.
        Assert.True(pass.Requests.Total - pass.Requests.Writes <= 5, pass.ToString());
    }

    [Fact]
    public async Task RunOnce_PlanInWhileAClosedIssueSpentPastTheLimit_RoutineWorkWaitsAndTheNextPassReadsNoLedger()
    {
        await using var s = await GitHubScenario.StartAsync();
        var (_, plan) = await ArrangeAsync(s);

        var gated = await s.PassAsync("gated", CancellationToken.None);
        var idle = await s.PassAsync("idle", CancellationToken.None);

        output.WriteLine(gated.ToString());
        output.WriteLine(idle.ToString());
        Assert.Contains("status/awaiting-approval", s.Server.GetIssue(plan)!.Labels);

        // The ledger costs the gating pass one more conditional listing of issues and of comments (both answered 304).
        Assert.Equal((2, 2), (gated.Requests.IssueListPages, gated.Requests.RepoCommentPages));
        Assert.Equal(0, idle.Requests.Writes);
        Assert.True(idle.Requests.Total <= 3, idle.ToString());
    }

    /// <summary>Issue A ran today for $60 (daily limit $50) and was closed; issue B was dispatched and its agent wrote a routine plan.</summary>
    private static async Task<(int Spent, int Plan)> ArrangeAsync(GitHubScenario s)
    {
        var spent = s.Server.SeedIssue("Quarterly analysis", "all of it", ["analytics/kpi", "priority/P2", "status/done"], closed: true);
        s.Server.SeedComment(spent, s.Server.Login, Result($"{s.Policies.Repository}#{spent}/a1/plan", 60m), bot: true);
        var plan = s.Server.SeedIssue("QA", "### Test results\n\n<xml/>", ["dev/qa", "priority/P2"]);
        await s.PassAsync("dispatch", CancellationToken.None);
        s.Clock.Advance(TimeSpan.FromMinutes(1));
        s.Server.SeedComment(plan, s.Server.Login, Result($"{s.Policies.Repository}#{plan}/a1/plan", 0.01m), bot: true);
        return (spent, plan);
    }

    private static string Result(string key, decimal cost) =>
        "**ai-qa-agent**: did the work\n\n" + Markers.Format(new ResultRecord(key, "ai-qa-agent", AgentOutcome.Completed, 0.9, cost, Classification.Routine, Summary: "did the work"));
}
