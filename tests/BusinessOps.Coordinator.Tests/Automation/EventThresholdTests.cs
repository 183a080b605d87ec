using System.Text.Json.Nodes;
using BusinessOps.Automation.Issues;
using BusinessOps.Coordinator.Automation;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Coordinator.Tests.GitHub.Scenarios;
using BusinessOps.Core.Issues;
using BusinessOps.GitHub;
using BusinessOps.Policies.Automation;
using BusinessOps.TestKit.Automation;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Automation;

/// <summary>
/// Issue 12, thresholds in event mode on the fake GitHub: the event job that records a result finds the rules it may trip
/// with no request and no write, and hands them to the serialized pass, which opens the follow-up once — also for a change
/// rule, which only the pass (holding the previous value) can decide — and never again in the window, even when the
/// follow-up was closed in between.
/// </summary>
public sealed class EventThresholdTests
{
    private static readonly string Triggers = ThresholdRules.Thresholds(ThresholdRules.LowEngagement, """
          - id: health-score-drop
            watch: customer-success
            when: health_score falls by 10
            cooldown: 7d
            issue:
              title: "Health score dropped to {value}"
              agent: customer-success
              labels: [success/user-research]
              priority: P2
              fields:
                Task: "Health score fell from {previous} to {value} (from {issue})."
        """);

    [Fact]
    public async Task EventJob_ResultTripsThreshold_HandedOverWithoutRequestsAndOpenedOnceByThePass()
    {
        await using var s = await StartAsync();
        s.Executor.Outputs = new JsonObject { ["engagement_rate"] = 0.03 };
        var campaign = s.Server.SeedIssue("Campaign report", "### Request\n\nnumbers", ["marketing/content", "priority/P2"], "alice");

        var (trips, requests) = await EventJobAsync(s, campaign);

        Assert.Equal(0, requests); // neither a read nor a write: the trip is handed over, not opened
        var trip = Assert.Single(trips);
        Assert.Equal(("low-engagement", campaign, 0.03, false), (trip.Rule.Id, trip.Issue, trip.Value, trip.NeedsPrevious));

        // The serialized pass opens it; closed before the next passes, which see the same result: nothing opens twice.
        await s.PassAsync("the handed-over pass", CancellationToken.None);
        var follow = Assert.Single(FollowUps(s));
        Assert.Equal("Engagement fell to 0.03", s.Server.GetIssue(follow)!.Title);
        using (var store = new GitHubIssueStore(s.Options(), s.Clock))
        {
            await store.SetStateAsync(follow, IssueState.Closed, CancellationToken.None);
        }

        await s.PassAsync("full", CancellationToken.None);
        await s.PassAsync("full again", CancellationToken.None);

        Assert.Equal([follow], FollowUps(s));
    }

    [Fact]
    public async Task EventJob_WindowAlreadyFired_NothingHandedOver()
    {
        await using var s = await StartAsync();
        s.Executor.Outputs = new JsonObject { ["engagement_rate"] = 0.03 };
        s.Server.SeedIssue("Campaign report", "### Request\n\nnumbers", ["marketing/content", "priority/P2"], "alice");
        await s.PassAsync("records the result", CancellationToken.None);
        await s.PassAsync("opens the follow-up, notes the window in the ledger", CancellationToken.None);
        Assert.Single(FollowUps(s));

        // A second result in the same window: the ledger in the persisted index says the window fired — no pass needed.
        var again = s.Server.SeedIssue("Campaign report 2", "### Request\n\nnumbers", ["marketing/content", "priority/P2"], "alice");
        var (trips, _) = await EventJobAsync(s, again);

        Assert.Empty(trips);
    }

    [Fact]
    public async Task EventJob_ChangeRuleField_HandedOverAndThePassTripsItWithThePreviousValue()
    {
        await using var s = await StartAsync();
        s.Executor.Outputs = new JsonObject { ["health_score"] = 80 };
        s.Server.SeedIssue("Account health", "### Request\n\nhealth score", ["success/user-research", "priority/P2"], "alice");
        await s.PassAsync("records 80", CancellationToken.None);
        await s.PassAsync("keeps 80 as the previous value", CancellationToken.None);

        s.Executor.Outputs = new JsonObject { ["health_score"] = 65 };
        var next = s.Server.SeedIssue("Account health again", "### Request\n\nhealth score", ["success/user-research", "priority/P2"], "alice");
        var (trips, _) = await EventJobAsync(s, next);

        var trip = Assert.Single(trips);
        Assert.Equal(("health-score-drop", true), (trip.Rule.Id, trip.NeedsPrevious));
        await s.PassAsync("the handed-over pass", CancellationToken.None);
        var follow = Assert.Single(FollowUps(s));
        Assert.Equal("Health score dropped to 65", s.Server.GetIssue(follow)!.Title);
    }

    [Fact]
    public async Task EventJob_NothingRecorded_ThresholdsCostNothing()
    {
        await using var s = await GitHubScenario.StartAsync();
        var campaign = s.Server.SeedIssue("Campaign report", "### Request\n\nnumbers", ["marketing/content", "priority/P2"], "alice");
        using var store = new GitHubIssueStore(s.Options(), s.Clock);
        var issue = (await store.GetIssueAsync(campaign, CancellationToken.None))!;
        var counting = new CountingIssueStore(store) { RecordPosts = true };
        var before = s.Server.Requests.Count;

        var trips = await new AutomationStep(Policies(), s.Clock, Log.Quiet) { Indexed = store }.PendingTripsForEventAsync(counting, [issue], CancellationToken.None);

        Assert.Empty(trips);
        Assert.Equal(before, s.Server.Requests.Count);
    }

    private static async Task<GitHubScenario> StartAsync()
    {
        var s = await GitHubScenario.StartAsync();
        s.Automation = new AutomationStep(Policies(), s.Clock, Log.Quiet);
        s.Executor.CompleteAll = true;
        return s;
    }

    private static AutomationPolicies Policies() => AutomationPolicyLoader.LoadFromStrings(new Dictionary<string, string> { ["triggers.yml"] = Triggers }).Policies!;

    /// <summary>One event job on <paramref name="number"/>: its reconcile records the result, then the thresholds; the requests the thresholds made.</summary>
    private static async Task<(IReadOnlyList<BusinessOps.Automation.Triggers.TriggerCandidate> Trips, int Requests)> EventJobAsync(GitHubScenario s, int number)
    {
        using var store = new GitHubIssueStore(s.Options(), s.Clock);
        var step = new AutomationStep(Policies(), s.Clock, Log.Quiet) { Indexed = store };
        var reconciler = new Reconciler(store, s.Executor, s.Policies, s.Clock, new ReconcileOptions(1, false, DispatchImmediately: true), Log.Quiet);
        var issue = (await store.GetIssueAsync(number, CancellationToken.None))!;
        reconciler.Store.RecordPosts = true;
        await reconciler.ReconcileAsync([issue], CancellationToken.None);
        reconciler.Store.RecordPosts = false;
        var before = s.Server.Requests.Count;
        var trips = await step.PendingTripsForEventAsync(reconciler.Store, [issue], CancellationToken.None);
        return (trips, s.Server.Requests.Count - before);
    }

    private static List<int> FollowUps(GitHubScenario s) =>
        [.. Enumerable.Range(1, 50).Select(s.Server.GetIssue).OfType<BusinessOps.TestKit.GitHub.FakeIssueView>()
            .Where(i => i.Body.Contains("\"kind\":\"" + AutomationKinds.Trigger + "\"", StringComparison.Ordinal)).Select(i => i.Number)];
}
