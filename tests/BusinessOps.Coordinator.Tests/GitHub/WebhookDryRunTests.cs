using System.Text.Json.Nodes;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Coordinator.Tests.GitHub.Scenarios;
using BusinessOps.GitHub;
using BusinessOps.GitHub.Events;
using Xunit;

namespace BusinessOps.Coordinator.Tests.GitHub;

/// <summary>
/// Real payloads from <c>@octokit/webhooks-examples</c> go the event-mode path (<c>run --event --dry-run</c>): parsed by
/// <see cref="GitHubEvents.Parse"/>, completed by the GitHub store against the fake (seeded with that issue), and
/// reconciled with <c>DryRun</c>: the actions are printed, nothing is written and nothing is dispatched.
/// </summary>
public sealed class WebhookDryRunTests
{
    [Theory]
    [InlineData("issues", "opened")]
    [InlineData("issues", "edited")]
    [InlineData("issues", "labeled")]
    [InlineData("issues", "unlabeled")]
    [InlineData("issues", "reopened")]
    [InlineData("issue_comment", "created")]
    public async Task ReconcileDryRun_RealWebhookPayload_PrintsActionsAndWritesNothing(string eventName, string action)
    {
        var payloads = await WebhookExamples.LoadAsync(eventName, action);
        Assert.NotEmpty(payloads);
        foreach (var payload in payloads)
        {
            await using var s = await GitHubScenario.StartAsync();
            var parsed = GitHubEvents.Parse(payload, eventName);
            Assert.Equal(action, parsed.Action);
            Assert.False(parsed.IsPullRequest);
            while (s.Server.IssueCount < parsed.IssueNumber)
            {
                s.Server.SeedIssue(parsed.Issue.Title, parsed.Issue.Body, parsed.Issue.Labels, parsed.Issue.Author);
            }

            using var output = new StringWriter();
            using var store = new GitHubIssueStore(s.Options(), s.Clock);
            var reconciler = new Reconciler(store, s.Executor, s.Policies, s.Clock, new ReconcileOptions(Concurrency: 4, DryRun: true, DispatchImmediately: true), Log.Quiet, output);
            s.Server.Counters.Reset();

            var issue = await store.CompleteAsync(parsed, CancellationToken.None);
            var pass = await reconciler.ReconcileAsync([issue], CancellationToken.None);

            Assert.Equal(1, pass.Examined);
            Assert.Equal(0, pass.Writes);
            Assert.Equal(0, pass.Failed);
            Assert.Equal(0, s.Server.Counters.Writes);
            Assert.Empty(s.Executor.Dispatched);
            Assert.True(s.Server.Counters.Requests <= (parsed.CommentCount == 0 ? 0 : 1), s.Server.Counters.ToString());
            Assert.Contains($"#{parsed.IssueNumber} ", output.ToString(), StringComparison.Ordinal);
        }
    }
    [Fact]
    public async Task ReconcileDryRun_OpenedPayloadWithRoutingLabels_PrintsDispatchAndWritesNothing()
    {
        var payload = JsonNode.Parse((await WebhookExamples.LoadAsync("issues", "opened"))[0])!;
        payload["issue"]!["labels"] = new JsonArray(new JsonObject { ["name"] = "finance/analysis" }, new JsonObject { ["name"] = "priority/P1" });
        await using var s = await GitHubScenario.StartAsync();
        s.Server.SeedIssue("Invoice", labels: ["finance/analysis", "priority/P1"]);
        var parsed = GitHubEvents.Parse(payload.ToJsonString(), "issues");
        using var output = new StringWriter();
        using var store = new GitHubIssueStore(s.Options(), s.Clock);
        var reconciler = new Reconciler(store, s.Executor, s.Policies, s.Clock, new ReconcileOptions(Concurrency: 4, DryRun: true, DispatchImmediately: true), Log.Quiet, output);
        s.Server.Counters.Reset();

        var pass = await reconciler.ReconcileAsync([await store.CompleteAsync(parsed, CancellationToken.None)], CancellationToken.None);

        Assert.Equal(0, pass.Writes);
        Assert.Equal(0, s.Server.Counters.Requests);
        Assert.Empty(s.Executor.Dispatched);
        Assert.Contains("#1 dispatch ai-finance-agent", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("status/in-progress", output.ToString(), StringComparison.Ordinal);
    }
}
