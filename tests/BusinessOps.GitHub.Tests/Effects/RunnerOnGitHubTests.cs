using System.Text.Json.Nodes;
using BusinessOps.Connectors;
using BusinessOps.Connectors.Tests.Support;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;

namespace BusinessOps.GitHub.Tests.Effects;

/// <summary>
/// The effect runner, the router and the GitHub connector on the fake GitHub, with the process "dying" at every journal
/// write in turn — between perform and record, and between two effects: after the rerun every effect happened exactly once.
/// </summary>
public sealed class RunnerOnGitHubTests
{
    [Fact]
    public async Task Run_CrashAtEveryJournalWrite_EachEffectHappensExactlyOnce()
    {
        for (var crashAt = 1; crashAt <= 8; crashAt++)
        {
            await using var h = await EffectHarness.StartAsync();
            var n = h.Server.SeedIssue("Plan with seven effects", labels: ["priority/P3"]);
            IReadOnlyList<Effect> plan =
            [
                Effect.Create(EffectKinds.GitHubLabels, "#" + n, new JsonObject { ["add"] = new JsonArray("dev/implementation"), ["priority"] = "P2" }),
                Effect.Create(EffectKinds.GitHubComment, "#" + n, new JsonObject { ["body"] = "Starting." }),
                Effect.Create(EffectKinds.GitHubIssue, "#" + n, new JsonObject { ["title"] = "Task A", ["estimate"] = "1d" }),
                Effect.Create(EffectKinds.GitHubPullRequest, "#" + n, PullRequestEffectTests.Adr("scaffold/a")),
                Effect.Create(EffectKinds.GitHubDeployment, "staging", new JsonObject { ["ref"] = "scaffold/a" }),
                Effect.Create(EffectKinds.GitHubDeploymentStatus, "staging", new JsonObject { ["deployment"] = "e5", ["state"] = "success" }),
                Effect.Create(EffectKinds.GitHubClose, "#" + n, new JsonObject { ["reason"] = "completed", ["comment"] = "All done." }),
            ];
            using var set = ConnectorSet.Create(ConnectorsPolicy.Default, new ConnectorOptions(_ => null, TimeProvider.System, LocalExecutor: false, GitHub: h.Connector));
            var journal = new CrashingJournal(crashAt);
            var attempt = h.Attempt(n);

            await Assert.ThrowsAsync<CrashException>(() => new EffectRunner(set.Router, journal, h.Inner.Clock).RunAsync(attempt, plan, journal.Ledger, CancellationToken.None));
            // The rerun is a new process: a new store and connector, nothing remembered but the journal.
            var rerun = new GitHub.Effects.GitHubEffectConnector(h.Inner.Store());
            using var fresh = ConnectorSet.Create(ConnectorsPolicy.Default, new ConnectorOptions(_ => null, TimeProvider.System, LocalExecutor: false, GitHub: rerun));
            var report = await new EffectRunner(fresh.Router, journal, h.Inner.Clock).RunAsync(attempt, plan, journal.Ledger, CancellationToken.None);

            Assert.True(report.Status == EffectRunStatus.Completed, $"crash at write {crashAt}: {report.Reason}");
            var issue = h.Server.GetIssue(n)!;
            Assert.Equal(["dev/implementation", "priority/P2"], issue.Labels.Order(StringComparer.Ordinal));
            Assert.Equal(2, issue.Comments.Count);
            Assert.Single(h.Server.SubIssuesOf(n));
            Assert.Equal(2, h.Server.IssueCount - h.Server.PullRequests.Count);
            Assert.Single(h.Server.PullRequests);
            Assert.Single(h.Server.Deployments);
            Assert.Equal(["in_progress", "success"], h.Server.Deployments[0].Statuses.Select(st => st.State));
            Assert.True(issue.Closed);
            Assert.All(report.Records, r => Assert.Equal(EffectStatus.Done, r.Status));
        }
    }
}
