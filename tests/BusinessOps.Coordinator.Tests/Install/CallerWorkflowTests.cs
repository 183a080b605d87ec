using BusinessOps.Coordinator.Install;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace BusinessOps.Coordinator.Tests.Install;

/// <summary>The one workflow an installed repository needs, as <c>coordinator init</c> writes it.</summary>
public sealed class CallerWorkflowTests
{
    [Fact]
    public void Render_Local_CallsTheReusableWorkflowAtTheTagWithConcurrencyPerJobAndNoIdToken()
    {
        var root = Parse(new InstallOptions("acme/businessops", "v1.2.0"));
        var jobs = (YamlMappingNode)root["jobs"];

        Assert.False(root.Children.ContainsKey("concurrency"));
        Assert.Equal(["event", "trips", "reconcile", "labels"], jobs.Children.Keys.Select(k => k.ToString()));
        foreach (var (_, job) in jobs.Children.Select(j => (j.Key, (YamlMappingNode)j.Value)))
        {
            Assert.Equal("acme/businessops/.github/workflows/businessops-run.yml@v1.2.0", job["uses"].ToString());
            Assert.True(job.Children.ContainsKey("concurrency"));
            Assert.False(((YamlMappingNode)job["permissions"]).Children.ContainsKey("id-token"));
            Assert.Equal("v1.2.0", ((YamlMappingNode)job["with"])["businessops-ref"].ToString());
        }

        Assert.Equal("businessops-issue-${{ github.event.issue.number }}", ((YamlMappingNode)((YamlMappingNode)jobs["event"])["concurrency"])["group"].ToString());

        // Issue 12: the pass an event's threshold trips ask for runs one at a time with the scheduled passes.
        var trips = (YamlMappingNode)jobs["trips"];
        Assert.Equal("event", trips["needs"].ToString());
        Assert.Equal("needs.event.outputs.trips == 'true'", trips["if"].ToString());
        Assert.Equal("reconcile", ((YamlMappingNode)trips["with"])["mode"].ToString());
        Assert.Equal(((YamlMappingNode)((YamlMappingNode)jobs["reconcile"])["concurrency"])["group"].ToString(), ((YamlMappingNode)trips["concurrency"])["group"].ToString());
    }

    [Fact]
    public void Render_Aws_GrantsIdTokenOnlyToTheJobsThatDispatch()
    {
        var jobs = (YamlMappingNode)Parse(new InstallOptions("acme/businessops", "v1.2.0", "aws"))["jobs"];

        string? IdToken(string job) => ((YamlMappingNode)((YamlMappingNode)jobs[job])["permissions"]).Children.TryGetValue(new YamlScalarNode("id-token"), out var v) ? v.ToString() : null;

        Assert.Equal("write", IdToken("event"));
        Assert.Equal("write", IdToken("reconcile"));
        Assert.Equal("write", IdToken("trips"));
        Assert.Null(IdToken("labels"));
        Assert.Equal("aws", ((YamlMappingNode)((YamlMappingNode)jobs["event"])["with"])["executor"].ToString());
    }

    [Theory]
    [InlineData("local", "event,trips,reconcile")]
    [InlineData("aws", "")]
    public void Render_LanguageModelKey_OnlyToTheJobsThatStartAgentsOnTheRunner(string executor, string expected)
    {
        // Issue 13: agents on the runner inherit OPENAI_API_KEY from the coordinator; on AWS they read it from the stack's
        // secret, and a label sync starts none. The endpoint is a repository variable the reusable workflow reads itself.
        var jobs = (YamlMappingNode)Parse(new InstallOptions("acme/businessops", "v1.2.0", executor))["jobs"];

        var passing = jobs.Children
            .Where(j => ((YamlMappingNode)((YamlMappingNode)j.Value)["secrets"]).Children.TryGetValue(new YamlScalarNode("openai-api-key"), out var v) && v.ToString() == "${{ secrets.OPENAI_API_KEY }}")
            .Select(j => j.Key.ToString());

        Assert.Equal(expected, string.Join(',', passing));
        Assert.All(jobs.Children.Values, job => Assert.Equal(
            "${{ secrets.BUSINESSOPS_TOKEN }}",
            ((YamlMappingNode)((YamlMappingNode)job)["secrets"])["token"].ToString()));
    }

    [Fact]
    public void Render_Commit_BuildsFromSourceBecauseACommitHasNoReleaseBinaries()
    {
        var sha = new string('a', 40);
        var jobs = (YamlMappingNode)Parse(new InstallOptions("acme/businessops", sha))["jobs"];

        Assert.All(jobs.Children.Values, job => Assert.Equal("true", ((YamlMappingNode)((YamlMappingNode)job)["with"])["build-from-source"].ToString()));
    }

    [Fact]
    public void Find_WorkflowWrittenByInit_ReadsBackItsReleaseAndExecutor()
    {
        var root = Directory.CreateTempSubdirectory("bo-wf-").FullName;
        var options = new InstallOptions("acme/businessops", "v1.2.0", "aws", "trunk");
        Directory.CreateDirectory(Path.Combine(root, ".github/workflows"));
        File.WriteAllText(Path.Combine(root, CallerWorkflow.Path), CallerWorkflow.Render(options));

        var found = InstalledWorkflow.Find(root);

        Assert.Equal(options, found!.Options);
        Directory.Delete(root, recursive: true);
    }

    private static YamlMappingNode Parse(InstallOptions options)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(CallerWorkflow.Render(options)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
