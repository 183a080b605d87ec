using System.Globalization;
using System.Text;
using BusinessOps.Automation.Workflows;
using BusinessOps.Coordinator.Automation;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Tests.GitHub.Scenarios;
using BusinessOps.GitHub;
using BusinessOps.Policies.Automation;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Automation;

/// <summary>
/// Issue 12 on the fake GitHub: a workflow's children become sub-issues of its parent (one POST each, once), and where
/// GitHub has no sub-issues (an Enterprise Server without them) the parent's task list is the link, asked once per run.
/// </summary>
public sealed class WorkflowSubIssueTests
{
    [Fact]
    public async Task Workflow_OnGitHub_EachChildBecomesASubIssueOnce()
    {
        await using var s = await GitHubScenario.StartAsync();
        var parent = await StartChainAsync(s, 3);

        var passes = await RunToEndAsync(s);

        var children = ChildNumbers(s);
        Assert.Equal(3, children.Count);
        Assert.Equal(children, s.Server.SubIssuesOf(parent).Order());
        Assert.Equal(3, SubIssuePosts(s));
        Assert.True(passes < 12, $"{passes} passes");
        Assert.Contains("businessops:workflow-links", Registry(s, parent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workflow_GitHubWithoutSubIssues_TaskListIsTheLinkAndAskedOncePerRun()
    {
        await using var s = await GitHubScenario.StartAsync();
        s.Server.SubIssuesEnabled = false;
        var parent = await StartChainAsync(s, 2);
        var startPosts = SubIssuePosts(s);

        await RunToEndAsync(s);

        Assert.Empty(s.Server.SubIssuesOf(parent));
        var registry = Registry(s, parent);
        var children = ChildNumbers(s);
        Assert.Equal(2, children.Count);
        Assert.All(children, n => Assert.Contains("#" + n.ToString(CultureInfo.InvariantCulture), registry, StringComparison.Ordinal));

        // The start's run was refused once; each child is settled after its one refusal and never asked about again.
        Assert.Equal(1, startPosts);
        Assert.True(SubIssuePosts(s) <= 2, $"{SubIssuePosts(s)} sub-issue requests");
    }

    [Fact]
    public async Task Workflow_LinkMadeButNotRecorded_NextPassMeetsAParentAlreadyAndSettles()
    {
        await using var s = await GitHubScenario.StartAsync();
        var parent = await StartChainAsync(s, 1);
        var child = Assert.Single(s.Server.SubIssuesOf(parent));

        // A pass that linked and stopped before its registry write: the record of the link is gone.
        var registry = s.Server.GetIssue(parent)!.Comments.Single(c => c.Body.Contains("workflow-links", StringComparison.Ordinal));
        s.Server.EditComment(registry.Id, registry.Body[..registry.Body.IndexOf("\n<!-- businessops:workflow-links", StringComparison.Ordinal)]);

        await RunToEndAsync(s);

        Assert.Equal([child], s.Server.SubIssuesOf(parent));
        Assert.Contains("businessops:workflow-links", Registry(s, parent), StringComparison.Ordinal);
        Assert.Equal(2, SubIssuePosts(s)); // the link, then the one refused ("already has a parent") that settles it
    }

    private static async Task<int> StartChainAsync(GitHubScenario s, int steps)
    {
        var yaml = new StringBuilder("title: Chain\nsteps:\n");
        for (var i = 1; i <= steps; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - id: s{i}\n    agent: analytics\n    labels: [analytics/reporting]\n");
            if (i > 1)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"    needs: [s{i - 1}]\n");
            }
        }

        var policies = AutomationPolicyLoader.LoadFromStrings(new Dictionary<string, string> { ["workflows/chain.yml"] = yaml.ToString() }).Policies!;
        s.Executor.CompleteAll = true;
        var step = new AutomationStep(policies, s.Clock, Log.Quiet);
        s.Automation = step;
        using var store = new GitHubIssueStore(s.Options(), s.Clock);
        return (await step.StartWorkflowAsync(store, WorkflowStarter.Start(policies.Workflows["chain"], [], null, "test").Parent!, CancellationToken.None)).Number;
    }

    private static async Task<int> RunToEndAsync(GitHubScenario s)
    {
        var passes = 0;
        while (passes < 20)
        {
            passes++;
            if ((await s.PassAsync("pass " + passes, CancellationToken.None)).CoordinatorWrites == 0)
            {
                return passes;
            }
        }

        throw new InvalidOperationException("the workflow did not converge in 20 passes");
    }

    private static int SubIssuePosts(GitHubScenario s) => s.Server.Requests.Count(r => r.Method == "POST" && r.Path.Split('?')[0].EndsWith("/sub_issues", StringComparison.Ordinal));

    // The issues the workflow opened for its steps (their markers name the workflow-child kind).
    private static List<int> ChildNumbers(GitHubScenario s) =>
        [.. Enumerable.Range(1, 100).Select(s.Server.GetIssue).OfType<BusinessOps.TestKit.GitHub.FakeIssueView>().Where(i => i.Body.Contains("workflow-child", StringComparison.Ordinal)).Select(i => i.Number).Order()];

    private static string Registry(GitHubScenario s, int parent) =>
        s.Server.GetIssue(parent)!.Comments.Single(c => c.Body.Contains("businessops:workflow-children", StringComparison.Ordinal)).Body;
}
