using System.Text.RegularExpressions;
using BusinessOps.Infra.Tests.Support;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace BusinessOps.Infra.Tests.Workflows;

public sealed partial class WorkflowTests
{
    private static readonly IReadOnlyList<WorkflowFile> Files = WorkflowFile.LoadAll();

    public static TheoryData<string> Paths => [.. Files.Select(f => f.Path)];

    [Theory]
    [MemberData(nameof(Paths))]
    public void RunScripts_NoExpressions_ValuesArriveThroughEnv(string path)
    {
        var inlined = File(path).Steps
            .Select(s => s.Text("run"))
            .OfType<string>()
            .Where(run => run.Contains("${{", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(inlined);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Uses_RemoteActions_PinnedToFullCommitSha(string path)
    {
        var unpinned = File(path).Steps
            .Select(s => s.Text("uses"))
            .OfType<string>()
            .Where(u => !u.StartsWith("./", StringComparison.Ordinal) && !PinnedToSha().IsMatch(u))
            .ToList();

        Assert.Empty(unpinned);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Permissions_Workflow_NoneByDefaultAndDeclaredPerJob(string path)
    {
        var file = File(path);
        if (file.IsAction)
        {
            return;
        }

        Assert.Equal([], (file.Root.Get("permissions") as YamlMappingNode)?.Children.Keys ?? [new YamlScalarNode("missing")]);

        // The reusable workflow's AWS job alone inherits what its caller grants (id-token only when the caller uses AWS).
        Assert.All(file.Jobs.Where(j => !(file.IsReusable && j.Key == "aws")), j => Assert.IsType<YamlMappingNode>(j.Value.Get("permissions")));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Permissions_IdTokenWrite_OnlyInJobsThatUseAws(string path)
    {
        foreach (var (name, job) in File(path).Jobs)
        {
            var idToken = job.Map("permissions")?.Text("id-token");
            var steps = (job.Get("steps") as YamlSequenceNode)?.Children ?? [];
            var assumesRole = steps.Any(s => s.Text("uses")?.StartsWith("aws-actions/configure-aws-credentials@", StringComparison.Ordinal) == true);
            var callsWithAws = job.Text("uses") is not null && job.Map("with")?.Text("executor") == "aws";

            // GitHub Pages verifies a deployment with the job's OIDC token: the one other legitimate use.
            var deploysPages = steps.Any(s => s.Text("uses")?.StartsWith("actions/deploy-pages@", StringComparison.Ordinal) == true);

            Assert.True(idToken is null or "none" || assumesRole || callsWithAws || deploysPages, $"{path}/{name}: id-token: {idToken} without AWS or a Pages deployment");
        }
    }

    [Fact]
    public void Events_Triggers_IssuesAndCommentTypes()
    {
        var on = File(".github/workflows/businessops-events.yml").Root.Map("on")!;

        Assert.Equal(["opened", "edited", "labeled", "unlabeled", "reopened"], on.Map("issues")!.Get("types").Scalars());
        Assert.Equal(["created"], on.Map("issue_comment")!.Get("types").Scalars());
    }

    [Fact]
    public void Reusable_AwsJob_TheOnlyOneThatAssumesTheRole()
    {
        var file = File(".github/workflows/businessops-run.yml");
        var jobs = file.Jobs.ToDictionary(j => j.Key, j => j.Value);

        Assert.NotNull(file.Root.Map("on")!.Get("workflow_call"));
        Assert.Equal(["local", "aws"], jobs.Keys);
        Assert.Null(jobs["local"].Map("permissions")!.Text("id-token"));
        Assert.Null(jobs["aws"].Get("permissions"));
        Assert.Contains(StepsOf(jobs["aws"]), s => s.Text("uses")?.StartsWith("aws-actions/configure-aws-credentials@", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(StepsOf(jobs["local"]), s => s.Text("uses")?.StartsWith("aws-actions/", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData(".github/workflows/businessops-events.yml")]
    [InlineData(".github/workflows/businessops-reconcile.yml")]
    [InlineData(".github/workflows/businessops-labels.yml")]
    public void Concurrency_OnEachJobNeverOnTheWorkflow(string path)
    {
        // Issue 10, defect 4: GitHub keeps one pending run per group. At workflow level the coordinator's own label and
        // comment events (whose jobs are skipped) take that slot and a waiting /approve is dropped until the cron.
        var file = File(path);

        Assert.Null(file.Root.Get("concurrency"));
        Assert.All(file.Jobs, j => Assert.Equal("false", j.Value.Map("concurrency")?.Text("cancel-in-progress")));
    }

    [Fact]
    public void Events_Concurrency_OneGroupPerIssueOnEveryEventJob()
    {
        var jobs = EventJobs().ToList();

        Assert.Equal(["local", "aws"], jobs.Select(j => j.Key));
        Assert.All(jobs, j => Assert.Equal("businessops-issue-${{ github.event.issue.number }}", j.Value.Map("concurrency")!.Text("group")));
        Assert.All(jobs, j => Assert.Contains("github.event.sender.type != 'Bot'", j.Value.Text("if"), StringComparison.Ordinal));
    }

    [Fact]
    public void Events_Jobs_RunEventModeAndWriteIssues()
    {
        foreach (var (_, job) in EventJobs())
        {
            Assert.Equal("write", job.Map("permissions")!.Text("issues"));
            Assert.Equal("read", job.Map("permissions")!.Text("contents"));
            Assert.Equal("./.github/workflows/businessops-run.yml", job.Text("uses"));
            Assert.Equal("event", job.Map("with")!.Text("mode"));
        }

        Assert.Contains("run --event \"$GITHUB_EVENT_PATH\"", RunScript(), StringComparison.Ordinal);
    }

    [Fact]
    public void Events_Trips_OnePassAtATimeInTheReconcileGroupAfterTheEventJobAsksForIt()
    {
        // Issue 12: two event jobs on different issues must not each open the follow-up of one rule window. Each hands its
        // trips over (output trips=true) to a reconcile pass in the group every follow-up is opened in.
        var jobs = File(".github/workflows/businessops-events.yml").Jobs.ToDictionary(j => j.Key, j => j.Value);
        var reconcile = File(".github/workflows/businessops-reconcile.yml").Jobs.Select(j => j.Value.Map("concurrency")!.Text("group")).Distinct().Single();

        foreach (var (trips, eventJob) in new[] { ("local-trips", "local"), ("aws-trips", "aws") })
        {
            var job = jobs[trips];
            Assert.Equal(eventJob, job.Text("needs"));
            Assert.Equal($"needs.{eventJob}.outputs.trips == 'true'", job.Text("if"));
            Assert.Equal(reconcile, job.Map("concurrency")!.Text("group"));
            Assert.Equal("reconcile", job.Map("with")!.Text("mode"));
            Assert.Equal(jobs[eventJob].Map("with")!.Text("executor"), job.Map("with")!.Text("executor"));

            // No permission beyond what the event job it follows already has.
            Assert.Equal(jobs[eventJob].Map("permissions")!.Entries().Select(e => (e.Key, e.Value.ToString())), job.Map("permissions")!.Entries().Select(e => (e.Key, e.Value.ToString())));
        }

        // The output travels: the coordinator's step (id run) → the action's output → each job of the reusable workflow → its workflow_call output.
        var action = File(".github/actions/run-coordinator/action.yml");
        Assert.Equal("${{ steps.run.outputs.trips }}", action.Root.Map("outputs")!.Map("trips")!.Text("value"));
        var run = File(".github/workflows/businessops-run.yml");
        Assert.Equal("${{ jobs.local.outputs.trips || jobs.aws.outputs.trips }}", run.Root.Map("on")!.Map("workflow_call")!.Map("outputs")!.Map("trips")!.Text("value"));
        foreach (var (_, job) in run.Jobs)
        {
            Assert.Equal("${{ steps.run.outputs.trips }}", job.Map("outputs")!.Text("trips"));
            Assert.Contains(StepsOf(job), st => st.Text("id") == "run" && st.Text("uses") == "./.businessops-src/.github/actions/run-coordinator");
        }
    }

    private static IEnumerable<KeyValuePair<string, YamlNode>> EventJobs() =>
        File(".github/workflows/businessops-events.yml").Jobs.Where(j => j.Value.Map("with")!.Text("mode") == "event");

    [Fact]
    public void Reconcile_Schedule_AvoidsMinuteZeroAndRunsOnce()
    {
        var file = File(".github/workflows/businessops-reconcile.yml");
        var cron = ((YamlSequenceNode)file.Root.Map("on")!.Get("schedule")!).Children.Single().Text("cron");

        Assert.Equal("7-59/15 * * * *", cron);
        Assert.NotNull(file.Root.Map("on")!.Get("workflow_dispatch"));
        Assert.All(file.Jobs, j => Assert.Equal("reconcile", j.Value.Map("with")!.Text("mode")));
        Assert.Contains("run --once", RunScript(), StringComparison.Ordinal);
    }

    [Fact]
    public void Cache_RestoreAndSaveSplit_SaveRunsWhateverThePassDid()
    {
        // Issue 10, defect 6: the combined actions/cache saves only when the job succeeds, and a deferred or partly
        // failed pass exits non-zero: the cache was lost exactly when it mattered.
        var steps = File(".github/actions/run-coordinator/action.yml").Steps.ToList();
        var restore = steps.FindIndex(s => s.Text("uses")?.StartsWith("actions/cache/restore@", StringComparison.Ordinal) == true);
        var run = steps.FindIndex(s => s.Text("id") == "run");
        var save = steps.FindIndex(s => s.Text("uses")?.StartsWith("actions/cache/save@", StringComparison.Ordinal) == true);

        Assert.True(restore >= 0 && restore < run && run < save, $"restore {restore}, run {run}, save {save}");
        Assert.StartsWith("always()", steps[save].Text("if"), StringComparison.Ordinal);
        Assert.Equal(steps[restore].Map("with")!.Text("path"), steps[save].Map("with")!.Text("path"));
        Assert.DoesNotContain(Files.SelectMany(f => f.Steps), s => s.Text("uses")?.StartsWith("actions/cache@", StringComparison.Ordinal) == true && s.Map("with")?.Text("path") == ".businessops/cache");
    }

    [Fact]
    public void Run_Deferral_EndsGreenWithAWarningAndOtherFailuresFail()
    {
        var script = RunScript();

        Assert.Contains("if [[ \"$status\" -eq 75 ]]; then", script, StringComparison.Ordinal);
        Assert.Contains("::warning title=BusinessOps deferred::", script, StringComparison.Ordinal);
        Assert.Contains("exit \"$status\"", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Setup_DownloadsTheReleaseAndBuildsOnlyWhenAsked()
    {
        var steps = File(".github/actions/setup-coordinator/action.yml").Steps.ToList();
        var download = steps.Single(s => s.Text("name") == "Download the release binary");

        Assert.Equal("inputs.build-from-source != 'true'", download.Text("if"));
        Assert.Contains("sha256sum --check", download.Text("run"), StringComparison.Ordinal);
        Assert.Contains(steps, s => s.Text("run")?.Contains("--configuration Release --runtime \"$rid\"", StringComparison.Ordinal) == true);
        Assert.All(steps.Where(s => s.Text("uses")?.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal) == true || (s.Text("run")?.Contains("dotnet publish", StringComparison.Ordinal) ?? false)),
            s => Assert.StartsWith("inputs.build-from-source == 'true'", s.Text("if"), StringComparison.Ordinal));
    }

    [Fact]
    public void Release_OnTag_PublishesBothArchitecturesAndTheAgentImage()
    {
        var file = File(".github/workflows/release.yml");
        var jobs = file.Jobs.ToDictionary(j => j.Key, j => j.Value);

        Assert.Equal(["v*"], file.Root.Map("on")!.Map("push")!.Get("tags").Scalars());
        Assert.Equal(["linux-x64", "linux-arm64"], jobs["binaries"].Map("strategy")!.Map("matrix")!.Get("rid").Scalars());
        Assert.Contains(StepsOf(jobs["image"]), s => s.Text("run")?.Contains("-f infra/agent.Dockerfile", StringComparison.Ordinal) == true);
        Assert.Equal("write", jobs["image"].Map("permissions")!.Text("packages"));
        Assert.Contains("PublishSingleFile=true", RepositoryFiles.Read(".github/scripts/publish-release.sh"), StringComparison.Ordinal);
        Assert.Contains("--self-contained true", RepositoryFiles.Read(".github/scripts/publish-release.sh"), StringComparison.Ordinal);
    }

    [Fact]
    public void Ci_Job_RunsCiScriptWithReadOnlyContents()
    {
        var job = File(".github/workflows/ci.yml").Jobs.Single().Value;

        Assert.Equal(["contents"], job.Map("permissions")!.Entries().Select(e => e.Key));
        Assert.Equal("read", job.Map("permissions")!.Text("contents"));
        Assert.Contains(Runs(job), r => r.Trim() == "bash .ci/run");
    }

    [Fact]
    public void SetupDotnet_Everywhere_UsesDotnet10()
    {
        var versions = Files.SelectMany(f => f.Steps)
            .Where(s => s.Text("uses")?.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal) == true)
            .Select(s => s.Map("with")?.Text("dotnet-version"))
            .ToList();

        Assert.NotEmpty(versions);
        Assert.All(versions, v => Assert.Equal("10.0.x", v));
    }

    private static WorkflowFile File(string path) => Files.Single(f => f.Path == path);

    private static IEnumerable<YamlNode> StepsOf(YamlNode job) => (job.Get("steps") as YamlSequenceNode)?.Children ?? [];

    private static string RunScript() =>
        File(".github/actions/run-coordinator/action.yml").Steps.Single(s => s.Text("id") == "run").Text("run")!;

    private static IEnumerable<string> Runs(YamlNode job) =>
        ((job.Get("steps") as YamlSequenceNode)?.Children ?? []).Select(s => s.Text("run")).OfType<string>();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")]
    private static partial Regex PinnedToSha();
}
