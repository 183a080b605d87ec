using BusinessOps.Automation.Issues;
using BusinessOps.Coordinator.Automation;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Coordinator.Tests.GitHub.Scenarios;
using BusinessOps.GitHub;
using BusinessOps.Policies.Automation;
using BusinessOps.TestKit.Automation;
using BusinessOps.TestKit.GitHub;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Automation;

/// <summary>
/// Issue 12, "at most once per cooldown" under concurrent event jobs on the fake GitHub. Event jobs run per issue
/// (concurrency group <c>businessops-issue-N</c>), so two of them on different issues run at once, each with its own
/// process, token and copy of the persisted index. Neither may open a follow-up: each hands its trips to the serialized
/// pass (the reconcile group), which evaluates every pending trip with a fresh read — and when that pass is cancelled
/// while pending (GitHub keeps one pending job per group), the next pass opens what it would have.
/// </summary>
public sealed class ConcurrentTripTests
{
    private static readonly string Triggers = ThresholdRules.Thresholds(ThresholdRules.LowEngagement, """
          - id: low-win-rate
            watch: sales
            when: win_rate < 0.2
            cooldown: 1d
            issue:
              title: "Win rate fell to {value}"
              agent: sales
              labels: [sales/leads]
              priority: P2
              fields:
                Task: "Win rate {value} (from {issue}); review the pipeline."
        """);

    [Fact]
    public async Task EventJobs_TwoIssuesTripSameRuleAtOnce_ExactlyOneFollowUp()
    {
        await using var s = await StartAsync();
        var first = s.Server.SeedIssue("Campaign report A", "### Request\n\nnumbers", ["marketing/content", "priority/P2"], "alice");
        var second = s.Server.SeedIssue("Campaign report B", "### Request\n\nnumbers", ["marketing/content", "priority/P2"], "bob");

        // Two event jobs at once: both read their issue (and the persisted index) before either records anything.
        await using var jobA = await EventJob.StartAsync(s, first);
        await using var jobB = await EventJob.StartAsync(s, second);
        await jobA.RecordAsync();
        await jobB.RecordAsync();
        await jobA.ThresholdsAsync();
        await jobB.ThresholdsAsync();

        // The serialized pass each job handed its trips to (the second one's; GitHub ran them one after the other).
        await s.PassAsync("trips of A", CancellationToken.None);
        await s.PassAsync("trips of B", CancellationToken.None);

        Assert.Single(FollowUps(s, "Engagement fell to"));
    }

    [Fact]
    public async Task EventJob_SerializedPassCancelled_NextPassOpensEveryPendingTrip()
    {
        await using var s = await StartAsync();
        var campaign = s.Server.SeedIssue("Campaign report", "### Request\n\nnumbers", ["marketing/content", "priority/P2"], "alice");
        var deals = s.Server.SeedIssue("Pipeline review", "### Request\n\nnumbers", ["sales/leads", "priority/P2"], "bob");

        await using var jobA = await EventJob.StartAsync(s, campaign);
        await jobA.RecordAsync();
        var before = s.Server.Requests.Count;
        await jobA.ThresholdsAsync();
        Assert.Equal(before, s.Server.Requests.Count); // the event job writes no follow-up: it hands the trip over
        await using var jobB = await EventJob.StartAsync(s, deals);
        await jobB.RecordAsync();
        await jobB.ThresholdsAsync();

        // A's serialized pass was pending when B's queued: GitHub cancelled it. B's pass (or the scheduled one) opens both.
        s.Clock.Advance(TimeSpan.FromMinutes(15));
        await s.PassAsync("the next pass", CancellationToken.None);

        Assert.Single(FollowUps(s, "Engagement fell to"));
        Assert.Single(FollowUps(s, "Win rate fell to"));
    }

    private static async Task<GitHubScenario> StartAsync()
    {
        var s = await GitHubScenario.StartAsync();
        s.Automation = new AutomationStep(Policies(), s.Clock, Log.Quiet);
        s.Executor.CompleteAll = true;
        s.Executor.Outputs = new System.Text.Json.Nodes.JsonObject { ["engagement_rate"] = 0.03, ["win_rate"] = 0.1 };

        // A pass before the events: the ledger and the persisted index exist, as in a running repository.
        await s.PassAsync("before", CancellationToken.None);
        return s;
    }

    private static AutomationPolicies Policies() => AutomationPolicyLoader.LoadFromStrings(new Dictionary<string, string> { ["triggers.yml"] = Triggers }).Policies!;

    private static List<int> FollowUps(GitHubScenario s, string title) =>
        [.. Enumerable.Range(1, 60).Select(s.Server.GetIssue).OfType<FakeIssueView>()
            .Where(i => i.Title.StartsWith(title, StringComparison.Ordinal) && i.Body.Contains("\"kind\":\"" + AutomationKinds.Trigger + "\"", StringComparison.Ordinal))
            .Select(i => i.Number)];

    /// <summary>One <c>run --event</c> job: its own store (process), the reconcile of its issue, then its thresholds.</summary>
    private sealed class EventJob : IAsyncDisposable
    {
        private readonly GitHubIssueStore _store;
        private readonly Reconciler _reconciler;
        private readonly AutomationStep _step;
        private readonly Core.Issues.IssueSnapshot _issue;

        private EventJob(GitHubIssueStore store, Reconciler reconciler, AutomationStep step, Core.Issues.IssueSnapshot issue)
        {
            _store = store;
            _reconciler = reconciler;
            _step = step;
            _issue = issue;
        }

        public static async Task<EventJob> StartAsync(GitHubScenario s, int number)
        {
            var store = new GitHubIssueStore(s.Options(), s.Clock);
            var reconciler = new Reconciler(store, s.Executor, s.Policies, s.Clock, new ReconcileOptions(1, false, DispatchImmediately: true), Log.Quiet);
            var issue = (await store.GetIssueAsync(number, CancellationToken.None))!;
            _ = await store.ListIndexedAsync(Core.Ports.IssueQuery.Open, CancellationToken.None); // the index as this job restored it
            return new EventJob(store, reconciler, new AutomationStep(Policies(), s.Clock, Log.Quiet) { Indexed = store }, issue);
        }

        public async Task RecordAsync()
        {
            _reconciler.Store.RecordPosts = true;
            await _reconciler.ReconcileAsync([_issue], CancellationToken.None);
            _reconciler.Store.RecordPosts = false;
        }

        public async Task ThresholdsAsync()
        {
            var trips = await _step.PendingTripsForEventAsync(_reconciler.Store, [_issue], CancellationToken.None);
            Assert.Equal([_issue.Number], trips.Select(t => t.Issue)); // each job hands its trip over
        }

        public ValueTask DisposeAsync()
        {
            _store.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
