using BusinessOps.Agents.Samples;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using Xunit;

namespace BusinessOps.Agents.Tests;

/// <summary>The shipped templates of the analytics and project-manager agents say exactly what the built-in wording says.</summary>
public sealed class ShippedBriefingTemplatesTests
{
    private static async Task<CommentTemplate> ShippedAsync(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BusinessOps.sln")))
        {
            dir = dir.Parent;
        }

        return new CommentTemplate("templates/" + name, await File.ReadAllTextAsync(Path.Combine(dir!.FullName, "policies", "templates", name)));
    }

    [Fact]
    public async Task Analytics_ShippedTemplate_SameAsBuiltIn()
    {
        var body = FormBody.Of(("Metrics", "date,revenue,signups\n2026-11-26,10000,41\n2026-11-27,10100,39\n2026-11-28,12000,44\n"));
        var shipped = new DispatchContext { Policies = new AgentPolicies { Template = await ShippedAsync("analytics.sbn") } };

        var builtIn = await Agents.RunAsync(AgentNames.Analytics, body);
        var edited = await Agents.RunAsync(AgentNames.Analytics, body, context: shipped);

        Assert.Equal(builtIn.Result.Plan, edited.Result.Plan);
        Assert.Contains("### Urgent — escalated", edited.Result.Plan, StringComparison.Ordinal);
        Assert.DoesNotContain(edited.Result.Actions, a => a.StartsWith("Note:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProjectManager_ShippedTemplate_SameAsBuiltIn()
    {
        var issues = new IssueDigestSet("all", [new IssueDigest(4, "Deploy", IssueState.Open, IssueStatus.AwaitingApproval, Priority.P2, AgentNames.DevOps, [], false, false, Agents.Created, Agents.Created)], 0);
        var builtIn = await Agents.RunAsync(AgentNames.ProjectManager, FormBody.Of(("Scope", "all")), context: new DispatchContext { Issues = issues });
        var edited = await Agents.RunAsync(AgentNames.ProjectManager, FormBody.Of(("Scope", "all")), context: new DispatchContext { Issues = issues, Policies = new AgentPolicies { Template = await ShippedAsync("project-manager.sbn") } });

        Assert.Equal(builtIn.Result.Plan, edited.Result.Plan);
        Assert.Contains("| #4 Deploy | awaiting approval |", edited.Result.Plan, StringComparison.Ordinal);
    }
}
