using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Connectors;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Coordinator.Tests.GitHub.Scenarios;
using BusinessOps.Coordinator.Tests.Reconcile;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;
using BusinessOps.GitHub;
using BusinessOps.GitHub.Effects;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Effects;

/// <summary>
/// Issue 11's execute phase end to end on the GitHub store: the real shell against the fake GitHub on loopback, each pass
/// a new run (a new store and connector, as each Actions job is), the GitHub connector on the store's own client. An
/// approved plan's effects land on the repository once; the issue ends <c>status/done</c>; a later run performs nothing.
/// </summary>
public sealed class ExecuteOnGitHubTests
{
    private static readonly Classification Medium = new(Impact.Medium, Complexity.Moderate, Reversibility.Reversible, Stakeholders.Internal, 3000m);

    [Fact]
    public async Task RunOnce_ApprovedPlanOnGitHub_EffectsPerformedOnceThenDoneAndARerunPerformsNothing()
    {
        await using var github = await GitHubScenario.StartAsync();
        var server = github.Server;
        server.SetPermission("fiona", "write");
        var n = server.SeedIssue("Scaffold the results queue", "### Details\n\nUse SQS.", ["finance/analysis", "priority/P2"], author: "dana");
        var executor = new ScriptedExecutor { Script = r => Plan(r, n) };

        await PassAsync(github, executor);
        Assert.Contains("status/awaiting-approval", server.GetIssue(n)!.Labels);
        Assert.Empty(server.PullRequests);

        server.SeedComment(n, "fiona", "/approve");
        for (var pass = 0; pass < 3 && !server.GetIssue(n)!.Labels.Contains("status/done"); pass++)
        {
            await PassAsync(github, executor);
        }

        var issue = server.GetIssue(n)!;
        Assert.Contains("status/done", issue.Labels);
        Assert.Contains("docs/adr", issue.Labels);
        Assert.Single(issue.Comments, c => c.Body.StartsWith("Scaffold is up for review.", StringComparison.Ordinal));
        var sub = Assert.Single(server.SubIssuesOf(n));
        Assert.Equal("Wire the results queue", server.GetIssue(sub)!.Title);
        var pull = Assert.Single(server.PullRequests);
        Assert.True(pull.Draft);
        Assert.Equal("# ADR 7\nUse SQS.\n", server.FilesOf(pull.Head)!["docs/adr/0007-queue.md"]);
        Assert.Single(executor.Requests, r => r.Phase == IdempotencyKey.PlanPhase);
        Assert.DoesNotContain(executor.Requests, r => r.Phase == IdempotencyKey.ExecutePhase);

        // Another run (a new process with its own store): nothing is performed again, and issue n is not written. The
        // sub-issue the plan opened is new work of its own, unrouted: that run triages it, and the next one writes nothing.
        var comments = issue.Comments.Count;
        var issues = server.IssueCount;
        var before = server.Requests.Count;
        var rerun = await PassAsync(github, executor);

        var writes = server.Requests.Skip(before).Where(r => r.IsWrite).Select(r => r.Method + " " + r.Path).ToList();
        Assert.All(writes, w => Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"/issues/{sub}/"), w, StringComparison.Ordinal));
        Assert.Equal(0, rerun.Dispatched);
        Assert.Equal(0, (await PassAsync(github, executor)).Writes);
        Assert.Equal(comments, server.GetIssue(n)!.Comments.Count);
        Assert.Equal(issues, server.IssueCount);
        Assert.Single(server.PullRequests);
        Assert.Single(server.SubIssuesOf(n));
    }

    private static AgentResult Plan(DispatchRequest r, int n)
    {
        var target = "#" + n.ToString(CultureInfo.InvariantCulture);
        IReadOnlyList<Effect> effects =
        [
            Effect.Create(EffectKinds.GitHubLabels, target, new JsonObject { ["add"] = new JsonArray("docs/adr") }),
            Effect.Create(EffectKinds.GitHubIssue, target, new JsonObject { ["title"] = "Wire the results queue", ["estimate"] = "2d" }),
            Effect.Create(EffectKinds.GitHubPullRequest, target, new JsonObject
            {
                ["branch"] = "adr/0007-queue",
                ["title"] = "ADR 7: use SQS for the results queue",
                ["body"] = "Proposed by the architect agent.",
                ["files"] = new JsonArray(new JsonObject { ["path"] = "docs/adr/0007-queue.md", ["content"] = "# ADR 7\nUse SQS.\n" }),
            }),
            Effect.Create(EffectKinds.GitHubComment, target, new JsonObject { ["body"] = "Scaffold is up for review." }),
        ];
        return Plans.Result(r, AgentOutcome.NeedsApproval, Medium, 0.01m, "Scaffold the queue", plan: "1. Branch, ADR, task.") with { Effects = effects };
    }

    /// <summary>One <c>run --once</c> as a new run: its own store (same cache folder and token) and connectors.</summary>
    private static async Task<PassResult> PassAsync(GitHubScenario github, ScriptedExecutor executor)
    {
        using var store = new GitHubIssueStore(github.Options(), github.Clock);
        using var connectors = ConnectorSet.Create(github.Policies.Connectors, new ConnectorOptions(_ => null, github.Clock, LocalExecutor: true, new GitHubEffectConnector(store)));
        return await new Reconciler(store, executor, github.Policies, github.Clock, new ReconcileOptions(1), Log.Quiet, effects: connectors.Router).RunOnceAsync(CancellationToken.None);
    }
}
