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
        Assert.All(file.Jobs, j => Assert.IsType<YamlMappingNode>(j.Value.Get("permissions")));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Permissions_IdTokenWrite_OnlyInJobsThatAssumeAnAwsRole(string path)
    {
        foreach (var (name, job) in File(path).Jobs)
        {
            var idToken = job.Map("permissions")?.Text("id-token");
            var assumesRole = ((job.Get("steps") as YamlSequenceNode)?.Children ?? [])
                .Any(s => s.Text("uses")?.StartsWith("aws-actions/configure-aws-credentials@", StringComparison.Ordinal) == true);

            Assert.True(idToken is null or "none" || assumesRole, $"{path}/{name}: id-token: {idToken} without OIDC use");
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
    public void Events_Concurrency_OneGroupPerIssueNeverCancelled()
    {
        var concurrency = File(".github/workflows/businessops-events.yml").Root.Map("concurrency")!;

        Assert.Equal("businessops-issue-${{ github.event.issue.number }}", concurrency.Text("group"));
        Assert.Equal("false", concurrency.Text("cancel-in-progress"));
    }

    [Fact]
    public void Events_Job_RunsEventModeAndWritesIssues()
    {
        var job = File(".github/workflows/businessops-events.yml").Jobs.Single().Value;

        Assert.Equal("write", job.Map("permissions")!.Text("issues"));
        Assert.Equal("read", job.Map("permissions")!.Text("contents"));
        Assert.Contains(Runs(job), r => r.Contains("run --event \"$GITHUB_EVENT_PATH\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Reconcile_Schedule_AvoidsMinuteZeroAndRunsOnce()
    {
        var file = File(".github/workflows/businessops-reconcile.yml");
        var cron = ((YamlSequenceNode)file.Root.Map("on")!.Get("schedule")!).Children.Single().Text("cron");

        Assert.Equal("7-59/15 * * * *", cron);
        Assert.NotNull(file.Root.Map("on")!.Get("workflow_dispatch"));
        Assert.Contains(Runs(file.Jobs.Single().Value), r => r.Contains("run --once", StringComparison.Ordinal));
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

    private static IEnumerable<string> Runs(YamlNode job) =>
        ((job.Get("steps") as YamlSequenceNode)?.Children ?? []).Select(s => s.Text("run")).OfType<string>();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")]
    private static partial Regex PinnedToSha();
}
