using System.Globalization;
using BusinessOps.Agents.Quality;
using BusinessOps.Connectors;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Coordinator.Tests.GitHub.Scenarios;
using BusinessOps.Coordinator.Tests.Storms;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Policies;
using BusinessOps.GitHub;
using BusinessOps.GitHub.Effects;
using BusinessOps.TestKit.GitHub;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Effects;

/// <summary>
/// Issue 11: a failed quality gate is visible on the pull request. The real QA agent fails its gates; the coordinator
/// performs the failed result's report (the <c>failure</c> commit status on the pull request's head) once, under its own
/// effect key with its outcome in the ledger, and the issue still ends <c>status/failed</c>. A rerun posts nothing more.
/// </summary>
public sealed class FailureReportOnGitHubTests
{
    [Fact]
    public async Task RunOnce_QaGatesFail_OneFailureStatusOnTheHeadIssueFailedAndARerunPostsNothing()
    {
        await using var github = await GitHubScenario.StartAsync();
        var server = github.Server;
        var (n, head) = SeedQaIssue(server);
        var agents = new InProcessAgents(new FakeTimeProvider(), TimeSpan.Zero);

        // The plan pass settles the failed result and queues its report; the next performs it (as an approved plan's effects).
        for (var pass = 0; pass < 3 && !server.GetIssue(n)!.Labels.Contains("status/failed"); pass++)
        {
            await PassAsync(github, agents, github.Policies);
        }

        var status = Assert.Single(server.CommitStatuses(head));
        Assert.Equal(("failure", QaAgent.StatusContext), (status.State, status.Context));
        Assert.Contains("pass rate", status.Description, StringComparison.Ordinal);
        var issue = server.GetIssue(n)!;
        Assert.Contains("status/failed", issue.Labels);
        Assert.DoesNotContain("status/done", issue.Labels);
        var state = await StateAsync(github, n);
        var record = Assert.Single(state.Effects!);
        Assert.Equal((EffectStatus.Done, 1), (record.Status, record.Index));
        Assert.EndsWith("/a2/execute/e1", record.Key, StringComparison.Ordinal);
        Assert.Equal(1, state.Failures);

        // Reruns before the backoff ends: nothing more is posted anywhere, no agent runs.
        var runs = agents.Runs;
        var rerun = await PassAsync(github, agents, github.Policies);
        await PassAsync(github, agents, github.Policies);

        Assert.Single(server.CommitStatuses(head));
        Assert.Equal(0, rerun.Dispatched);
        Assert.Equal(runs, agents.Runs);
        Assert.Contains("status/failed", server.GetIssue(n)!.Labels);
    }

    [Fact]
    public async Task RunOnce_QaGatesFailInManualMode_NoStatusPostedAndTheNoteSaysWhy()
    {
        await using var github = await GitHubScenario.StartAsync();
        var server = github.Server;
        var (n, head) = SeedQaIssue(server);
        var policies = github.Policies with { Autonomy = github.Policies.Autonomy with { Mode = AutonomyMode.Manual } };

        await PassAsync(github, new InProcessAgents(new FakeTimeProvider(), TimeSpan.Zero), policies);

        Assert.Empty(server.CommitStatuses(head));
        var issue = server.GetIssue(n)!;
        Assert.Contains("status/failed", issue.Labels);
        Assert.Single(issue.Comments, c => c.Body.Contains("The failure is not reported outside this issue", StringComparison.Ordinal)
            && c.Body.Contains("L1 in manual mode", StringComparison.Ordinal));
    }

    private static async Task<Core.State.OpsState> StateAsync(GitHubScenario github, int n)
    {
        using var store = new GitHubIssueStore(github.Options(), github.Clock);
        return IssueStateReader.Read((await store.GetIssueAsync(n, CancellationToken.None))!, github.Policies with { Identity = store.Identity }).State;
    }

    private static (int Issue, string Head) SeedQaIssue(FakeGitHubServer server)
    {
        var head = server.SeedBranch("feature/cart", new Dictionary<string, string> { ["cart.cs"] = "class Cart {}" });
        var pull = server.SeedPullRequest("feature/cart", "Cart");
        var body = "### Test results\n\n<testsuite><testcase name=\"a\"><failure/></testcase><testcase name=\"b\"/></testsuite>\n\n"
            + "### Coverage\n\n<coverage line-rate=\"0.9\"/>\n\n### Pull request\n\n#" + pull.ToString(CultureInfo.InvariantCulture) + "\n";
        var n = server.SeedIssue("Quality gates for the cart", body, ["dev/qa", "priority/P2"], author: "dana");
        return (n, head);
    }

    private static async Task<PassResult> PassAsync(GitHubScenario github, InProcessAgents agents, PolicySet policies)
    {
        using var store = new GitHubIssueStore(github.Options(), github.Clock);
        using var connectors = ConnectorSet.Create(policies.Connectors, new ConnectorOptions(_ => null, github.Clock, LocalExecutor: true, new GitHubEffectConnector(store)));
        return await new Reconciler(store, agents, policies, github.Clock, new ReconcileOptions(1), Log.Quiet, effects: connectors.Router).RunOnceAsync(CancellationToken.None);
    }
}
