using BusinessOps.Automation.Issues;
using BusinessOps.Coordinator.Automation;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Coordinator.Tests.GitHub.Scenarios;
using BusinessOps.Core.Issues;
using BusinessOps.GitHub;
using BusinessOps.Policies.Automation;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Automation;

/// <summary>
/// Issue 12, thresholds in event mode on the fake GitHub: the event job that records a result trips the rule it crosses
/// at once — the follow-up and a note on the result's issue, no read — and the next full pass opens no second one, even
/// when the first was closed in between.
/// </summary>
public sealed class EventThresholdTests
{
    private const string Triggers = """
        thresholds:
          - id: low-engagement
            watch: marketing
            when: engagement_rate < 0.05
            cooldown: 1d
            issue:
              title: "Engagement fell to {value}"
              agent: marketing
              labels: [marketing/content]
              priority: P2
              fields:
                Task: "Engagement {value} (from {issue}); propose changes."
        """;

    [Fact]
    public async Task EventJob_ResultTripsThreshold_FollowUpNowWithoutReadsAndNoneTwice()
    {
        await using var s = await GitHubScenario.StartAsync();
        var policies = AutomationPolicyLoader.LoadFromStrings(new Dictionary<string, string> { ["triggers.yml"] = Triggers }).Policies!;
        s.Executor.CompleteAll = true;
        s.Executor.Outputs = new System.Text.Json.Nodes.JsonObject { ["engagement_rate"] = 0.03 };
        var campaign = s.Server.SeedIssue("Campaign report", "### Request\n\nnumbers", ["marketing/content", "priority/P2"], "alice");

        // The event job: its reconcile dispatches and records the result, then the thresholds on what it recorded.
        using var store = new GitHubIssueStore(s.Options(), s.Clock);
        var step = new AutomationStep(policies, s.Clock, Log.Quiet) { Indexed = store };
        var reconciler = new Reconciler(store, s.Executor, s.Policies, s.Clock, new ReconcileOptions(1, false, DispatchImmediately: true), Log.Quiet);
        var issue = (await store.GetIssueAsync(campaign, CancellationToken.None))!;
        reconciler.Store.RecordPosts = true;
        await reconciler.ReconcileAsync([issue], CancellationToken.None);
        reconciler.Store.RecordPosts = false;
        Assert.Single(s.Executor.Dispatched);
        var before = s.Server.Requests.Count;

        var outcome = await step.RunThresholdsForEventAsync(reconciler.Store, [issue], CancellationToken.None);

        var requests = s.Server.Requests.Skip(before).ToList();
        Assert.Equal(["POST", "POST"], requests.Select(r => r.Method)); // the follow-up, the note on the campaign: no read
        var follow = Assert.Single(outcome.ToReconcile);
        Assert.Equal("Engagement fell to 0.03", follow.Title);
        Assert.Contains(s.Server.GetIssue(campaign)!.Comments, c => c.Body.Contains("#" + follow.Number, StringComparison.Ordinal) && c.Body.Contains("low-engagement", StringComparison.Ordinal));

        // The follow-up is closed before the next scheduled pass, which sees the same result: nothing opens twice.
        await store.SetStateAsync(follow.Number, IssueState.Closed, CancellationToken.None);
        s.Automation = new AutomationStep(policies, s.Clock, Log.Quiet);
        await s.PassAsync("full", CancellationToken.None);
        await s.PassAsync("full again", CancellationToken.None);

        Assert.Equal([follow.Number], FollowUps(s));
    }

    [Fact]
    public async Task EventJob_NothingRecorded_ThresholdsCostNothing()
    {
        await using var s = await GitHubScenario.StartAsync();
        var policies = AutomationPolicyLoader.LoadFromStrings(new Dictionary<string, string> { ["triggers.yml"] = Triggers }).Policies!;
        var campaign = s.Server.SeedIssue("Campaign report", "### Request\n\nnumbers", ["marketing/content", "priority/P2"], "alice");
        using var store = new GitHubIssueStore(s.Options(), s.Clock);
        var issue = (await store.GetIssueAsync(campaign, CancellationToken.None))!;
        var counting = new CountingIssueStore(store) { RecordPosts = true };
        var before = s.Server.Requests.Count;

        var outcome = await new AutomationStep(policies, s.Clock, Log.Quiet) { Indexed = store }.RunThresholdsForEventAsync(counting, [issue], CancellationToken.None);

        Assert.Empty(outcome.ToReconcile);
        Assert.Equal(before, s.Server.Requests.Count);
    }

    private static List<int> FollowUps(GitHubScenario s) =>
        [.. Enumerable.Range(1, 50).Select(s.Server.GetIssue).OfType<BusinessOps.TestKit.GitHub.FakeIssueView>()
            .Where(i => i.Body.Contains("\"kind\":\"" + AutomationKinds.Trigger + "\"", StringComparison.Ordinal)).Select(i => i.Number)];
}
