using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Connectors;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;
using BusinessOps.GitHub;
using BusinessOps.GitHub.Effects;
using BusinessOps.TestKit;
using BusinessOps.TestKit.GitHub;

namespace BusinessOps.Benchmarks.Scenarios.Effects;

/// <summary>
/// <c>scenarios github-effects</c>: GitHub requests per effect kind (perform, then the check a rerun makes) and what a
/// 10-effect plan costs through the runner, with its journal in the status comment, against GitHub's budgets: the
/// primary quota (a <c>GITHUB_TOKEN</c> has 1,000 requests an hour), 500 content-creating writes an hour, 80 a minute, and
/// the store's ≥ 1 s between writes. Everything runs on the fake GitHub and one auto-advancing clock, so the pacing shows
/// as fake time and the figures are exact counts. Prints Markdown tables (docs/BENCHMARKS.md, "Effects").
/// </summary>
public static class GitHubEffectsSuite
{
    private const string Secret = "ghp_R3alLooking5ecretToken0123456789abcd";

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        var clock = new AutoAdvanceClock();
        await using var server = await FakeGitHubServer.StartAsync(clock, "acme/ops", cancellationToken: ct);
        var cache = Path.Combine(Path.GetTempPath(), "bo-effects-bench", Guid.NewGuid().ToString("n"));
        try
        {
            using var store = new GitHubIssueStore(new GitHubOptions { Owner = server.Owner, Repository = server.Repository, ApiUrl = server.BaseUrl, Token = server.Token, CacheDirectory = cache }, clock);
            await store.ResolveIdentityAsync(ct);
            var connector = new GitHubEffectConnector(store);
            var bench = new Bench(server, clock, connector);
            await PerKindAsync(bench, output, ct);
            await TenEffectPlanAsync(bench, store, output, ct);
            return 0;
        }
        finally
        {
            if (Directory.Exists(cache))
            {
                Directory.Delete(cache, recursive: true);
            }
        }
    }

    private static async Task PerKindAsync(Bench b, TextWriter output, CancellationToken ct)
    {
        await output.WriteLineAsync("| effect | perform: reads | perform: writes | perform: fake time (writes ≥ 1 s apart) | check after a crash: reads | notes |");
        await output.WriteLineAsync("|---|---:|---:|---:|---:|---|");
        var s = b.Server;
        var n = s.SeedIssue("Lead from Acme", labels: ["priority/P3", "status/needs-triage"]);
        await b.RowAsync(output, "github.labels: add 1, remove 1, set priority", EffectKinds.GitHubLabels, "#" + n, new JsonObject { ["add"] = new JsonArray("sales/lead"), ["remove"] = new JsonArray("status/needs-triage"), ["priority"] = "P1" }, n, "one DELETE per label removed (incl. the old priority), one POST for all added", ct);
        await b.RowAsync(output, "github.labels: already as asked", EffectKinds.GitHubLabels, "#" + n, new JsonObject { ["add"] = new JsonArray("sales/lead") }, n, "reads the issue, writes nothing", ct);
        await b.RowAsync(output, "github.comment", EffectKinds.GitHubComment, "#" + n, new JsonObject { ["body"] = "Thanks, on it." }, n, "check lists the issue's comments (1 per 100)", ct);
        var parent = s.SeedIssue("Build the importer");
        await b.RowAsync(output, "github.issue as a sub-issue", EffectKinds.GitHubIssue, "#" + parent, new JsonObject { ["title"] = "Parse CSV", ["estimate"] = "2d" }, parent, "reads the parent first (no orphan if it is gone); check: sub-issues list", ct);
        s.SubIssuesEnabled = false;
        var epic = s.SeedIssue("Epic without sub-issues");
        await b.RowAsync(output, "github.issue linked in a task list (no sub-issues API)", EffectKinds.GitHubIssue, "#" + epic, new JsonObject { ["title"] = "Step one" }, epic, "the refused sub-issue POST counts; check: sub-issues, issues opened by us, comments", ct);
        s.SubIssuesEnabled = true;
        var adr = s.SeedIssue("Choose a queue");
        await b.RowAsync(output, "github.pull-request, 1 file, default base", EffectKinds.GitHubPullRequest, "#" + adr, Files("adr/0007-queue", 1, baseBranch: null), adr, "GET ref (404), repo, base ref, base commit; POST tree (files inline), commit, ref, pull", ct);
        await b.RowAsync(output, "github.pull-request, 5 files, base named", EffectKinds.GitHubPullRequest, "#" + adr, Files("scaffold/importer", 5, baseBranch: "main"), adr, "the files ride in the one tree request: writes do not grow with files", ct);
        var release = s.SeedIssue("Release 1.4");
        var deployed = await b.RowAsync(output, "github.deployment (+ first status)", EffectKinds.GitHubDeployment, "production", new JsonObject { ["ref"] = "main" }, release, "check: deployments of the ref to the environment, then its statuses", ct);
        var done = new EffectRecord(1, "k", EffectStatus.Done, 1, DateTimeOffset.UnixEpoch, deployed.Reference);
        await b.RowAsync(output, "github.deployment-status", EffectKinds.GitHubDeploymentStatus, "production", new JsonObject { ["deployment"] = "e1", ["state"] = "success" }, release, "the deployment id comes from e1's recorded reference", ct, index: 2, earlier: [done]);
        s.SeedBranch("feature/x", new Dictionary<string, string> { ["x.cs"] = "class X {}" });
        var pull = s.SeedPullRequest("feature/x", "Add X");
        await b.RowAsync(output, "github.commit-status", EffectKinds.GitHubCommitStatus, "#" + pull, new JsonObject { ["state"] = "success", ["context"] = "businessops/qa" }, pull, "GET pull (its head), POST status; check: the head's statuses", ct);
        var leak = s.SeedIssue("Deploy fails", "Token: " + Secret);
        await b.RowAsync(output, "github.redact, description", EffectKinds.GitHubRedact, "#" + leak, Redaction(null), leak, "read, replace the matching spans, one PATCH", ct);
        var comment = s.SeedComment(leak, "carol", "my key " + Secret);
        await b.RowAsync(output, "github.redact, one comment", EffectKinds.GitHubRedact, "#" + leak, Redaction(comment), leak, "GET comment, PATCH comment", ct);
        await b.RowAsync(output, "github.close with a comment", EffectKinds.GitHubClose, "#" + n, new JsonObject { ["reason"] = "completed", ["comment"] = "Handed to sales." }, n, "POST comment, PATCH state + state_reason; check: issue + comments", ct);
    }

    private static async Task TenEffectPlanAsync(Bench b, GitHubIssueStore store, TextWriter output, CancellationToken ct)
    {
        var s = b.Server;
        s.SeedBranch("feature/y", new Dictionary<string, string> { ["y.cs"] = "class Y {}" });
        var pull = s.SeedPullRequest("feature/y", "Add Y");
        var n = s.SeedIssue("Ship the importer", labels: ["priority/P3"]);
        var status = await store.AddCommentAsync(n, "Executing the approved plan.", ct);
        IReadOnlyList<Effect> plan =
        [
            Effect.Create(EffectKinds.GitHubLabels, "#" + n, new JsonObject { ["add"] = new JsonArray("dev/implementation"), ["priority"] = "P1" }),
            Effect.Create(EffectKinds.GitHubComment, "#" + n, new JsonObject { ["body"] = "Plan approved; starting." }),
            Effect.Create(EffectKinds.GitHubIssue, "#" + n, new JsonObject { ["title"] = "Task 1", ["estimate"] = "1d" }),
            Effect.Create(EffectKinds.GitHubIssue, "#" + n, new JsonObject { ["title"] = "Task 2", ["estimate"] = "2d" }),
            Effect.Create(EffectKinds.GitHubIssue, "#" + n, new JsonObject { ["title"] = "Task 3", ["estimate"] = "1d" }),
            Effect.Create(EffectKinds.GitHubPullRequest, "#" + n, Files("scaffold/ship", 3, baseBranch: null)),
            Effect.Create(EffectKinds.GitHubDeployment, "staging", new JsonObject { ["ref"] = "scaffold/ship" }),
            Effect.Create(EffectKinds.GitHubDeploymentStatus, "staging", new JsonObject { ["deployment"] = "e7", ["state"] = "success" }),
            Effect.Create(EffectKinds.GitHubCommitStatus, "#" + pull, new JsonObject { ["state"] = "success", ["context"] = "businessops/qa" }),
            Effect.Create(EffectKinds.GitHubClose, "#" + n, new JsonObject { ["reason"] = "completed", ["comment"] = "Shipped." }),
        ];
        using var set = ConnectorSet.Create(ConnectorsPolicy.Default, new ConnectorOptions(_ => null, b.Clock, LocalExecutor: false, GitHub: b.Connector));
        var journal = new StatusCommentJournal(store, n, status.Id);
        var attempt = new IdempotencyKey("acme/ops", n, 1, IdempotencyKey.ExecutePhase);

        var (report, count) = await b.MeasureAsync(() => new EffectRunner(set.Router, journal, b.Clock).RunAsync(attempt, plan, [], ct));

        if (report.Status != EffectRunStatus.Completed)
        {
            throw new InvalidOperationException("the 10-effect plan did not complete: " + report.Reason);
        }

        var effectWrites = count.Writes - journal.Writes;
        await output.WriteLineAsync();
        await output.WriteLineAsync("| 10-effect plan (labels, comment, 3 sub-issues, pull request with 3 files, deployment, its status, commit status, close) | figure |");
        await output.WriteLineAsync("|---|---:|");
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| outcome | {report.Status}, {report.Records.Count(r => r.Status == EffectStatus.Done)} of {plan.Count} done |"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| requests | {count.Total} ({count.Reads} reads, {count.Writes} writes) |"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| writes by the effects / by the journal (status-comment edits, N + 1) | {effectWrites} / {journal.Writes} |"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| share of the 500 content writes an hour | {count.Writes / 500.0:P1} → at most {500 / count.Writes} such plans an hour |"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| share of a GITHUB_TOKEN's 1,000 requests an hour (rate-limit cost {count.Cost}) | {count.Cost / 1000.0:P1} |"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| time on the fake clock (writes ≥ 1 s apart; reads are not paced) | {count.FakeTime.TotalSeconds:0} s |"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| secondary-limit answers (80 writes a minute enforced by the fake) | {s.Counters.SecondaryLimitResponses} |"));
    }

    private static JsonObject Files(string branch, int count, string? baseBranch)
    {
        var files = new JsonArray();
        for (var i = 1; i <= count; i++)
        {
            files.Add(new JsonObject { ["path"] = string.Create(CultureInfo.InvariantCulture, $"src/file{i}.md"), ["content"] = "# file " + i + "\n" });
        }

        var parameters = new JsonObject { ["branch"] = branch, ["title"] = "Proposal " + branch, ["files"] = files };
        if (baseBranch is not null)
        {
            parameters["base"] = baseBranch;
        }

        return parameters;
    }

    private static JsonObject Redaction(long? comment)
    {
        var fingerprint = SecretFingerprint.Of(Secret);
        var parameters = new JsonObject { ["secrets"] = new JsonArray(new JsonObject { ["sha256"] = fingerprint.Sha256, ["length"] = fingerprint.Length }) };
        if (comment is { } id)
        {
            parameters["comment"] = id;
        }

        return parameters;
    }

    private sealed class Bench(FakeGitHubServer server, AutoAdvanceClock clock, GitHubEffectConnector connector)
    {
        private int _effect;

        public FakeGitHubServer Server => server;

        public AutoAdvanceClock Clock => clock;

        public GitHubEffectConnector Connector => connector;

        public async Task<(T Result, EffectRequestCount Count)> MeasureAsync<T>(Func<Task<T>> step)
        {
            var from = server.Requests.Count;
            var start = clock.GetUtcNow();
            var result = await step();
            return (result, EffectRequestCount.Of([.. server.Requests.Skip(from)], clock.GetUtcNow() - start));
        }

        public async Task<EffectOutcome> RowAsync(TextWriter output, string name, string kind, string target, JsonObject parameters, int issue, string notes, CancellationToken ct, int index = 1, IReadOnlyList<EffectRecord>? earlier = null)
        {
            // Each row is its own plan (a fresh key), so nothing is found done by an earlier row.
            var attempt = new IdempotencyKey("acme/ops", issue, ++_effect, IdempotencyKey.ExecutePhase);
            var request = new EffectRequest(Effect.Create(kind, target, parameters), new EffectKey(attempt, index), earlier ?? []);
            var (outcome, perform) = await MeasureAsync(() => connector.PerformAsync(request, ct));
            var (check, checking) = await MeasureAsync(() => connector.CheckAsync(request, ct));
            if (outcome.Status != EffectStatus.Done || check.Presence != EffectPresence.Performed)
            {
                throw new InvalidOperationException($"{name}: {outcome.Status} {outcome.Error} / check {check.Presence} {check.Detail}");
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| {name} | {perform.Reads} | {perform.Writes} | {perform.FakeTime.TotalSeconds:0} s | {checking.Reads} | {notes} |"));
            return outcome;
        }
    }
}
