using BusinessOps.Agents.Samples;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Agents.Rules;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using Xunit;

namespace BusinessOps.Agents.Tests;

/// <summary>Issue 13: owners and next actions for escalated, breached, blocked and waiting issues, workload per agent; issue 11: the briefing posted.</summary>
public sealed class OversightTests
{
    private static readonly DateTimeOffset Now = Agents.Created;

    private static IssueDigest Digest(int n, string title, IssueStatus status, string agent, double idleHours, bool breached = false) =>
        new(n, title, IssueState.Open, status, Priority.P2, agent, [], breached, false, Now.AddDays(-5), Now.AddHours(-idleHours));

    private static readonly IssueDigestSet Issues = new("all",
    [
        Digest(1, "Invoice stuck", IssueStatus.Escalated, AgentNames.Finance, 3),
        Digest(2, "Refund request", IssueStatus.InProgress, AgentNames.Support, 2, breached: true),
        Digest(3, "Release 2.5 gates", IssueStatus.Failed, AgentNames.Qa, 10),
        Digest(4, "Deploy billing-api", IssueStatus.AwaitingApproval, AgentNames.DevOps, 5),
        Digest(5, "Pick a queue", IssueStatus.AwaitingDecision, AgentNames.Architect, 30),
        Digest(6, "Another ticket", IssueStatus.Queued, AgentNames.Support, 1),
    ], 0);

    private static Task<Hosting.AgentRun> RunAsync(DeliveryRules? rules = null, CommentTemplate? template = null) =>
        Agents.RunAsync(AgentNames.ProjectManager, FormBody.Of(("Scope", "all")), context: new DispatchContext
        {
            Issues = Issues,
            Policies = new AgentPolicies { Rules = new AgentRules { Delivery = rules }, Template = template },
        });

    [Fact]
    public async Task RunAsync_EveryKindOfAttention_OwnerAndNextActionFromPolicy()
    {
        var run = await RunAsync();

        var escalated = Assert.Single(run.Out("escalated").AsArray())!;
        Assert.Equal(("finance-manager", AgentNames.Finance), (escalated["owner"]!.GetValue<string>(), escalated["agent"]!.GetValue<string>()));
        Assert.Contains("/retry", escalated["nextAction"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("support-lead", Assert.Single(run.Out("breached").AsArray())!["owner"]!.GetValue<string>());
        Assert.Equal([3, 5], run.Out("blocked").AsArray().Select(b => b!["number"]!.GetValue<int>()));
        var waiting = Assert.Single(run.Out("waiting").AsArray())!;
        Assert.Equal((4, "platform-lead"), (waiting["number"]!.GetValue<int>(), waiting["owner"]!.GetValue<string>()));
        Assert.Contains("`/approve` or `/reject`", waiting["nextAction"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(run.Result.Actions, a => a.StartsWith("finance-manager: take ownership", StringComparison.Ordinal) && a.Contains("#1", StringComparison.Ordinal));
        Assert.Contains("1 waiting", run.Result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Workload_PerAgentBusiestFirst()
    {
        var run = await RunAsync();

        var support = run.Out("workload").AsArray()[0]!;
        Assert.Equal((AgentNames.Support, 2, 2, 0, 0, 1), (support["agent"]!.GetValue<string>(), support["open"]!.GetValue<int>(), support["active"]!.GetValue<int>(),
            support["waiting"]!.GetValue<int>(), support["blocked"]!.GetValue<int>(), support["breached"]!.GetValue<int>()));
        Assert.Equal(5, run.Out("workload").AsArray().Count);
        Assert.Contains("| ai-support-agent | support-lead | 2 | 2 | 0 | 0 | 1 |", run.Result.Plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OwnersFromPolicy_Override()
    {
        var rules = DeliveryRules.Default with { Owners = new Dictionary<string, string> { ["finance"] = "cfo" } };

        var run = await RunAsync(rules);

        Assert.Equal("cfo", run.Out("escalated")[0]!["owner"]!.GetValue<string>());
        Assert.Equal("ops-lead", run.Out("breached")[0]!["owner"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("#3", EffectKinds.GitHubComment, "body")]
    [InlineData("ops-chat", EffectKinds.WebhookChat, "text")]
    public async Task RunAsync_OversightTo_BriefingPostedThere(string to, string kind, string field)
    {
        var run = await RunAsync(DeliveryRules.Default with { OversightTo = to });

        var post = Assert.Single(run.Result.Effects);
        Assert.Equal((kind, to), (post.Kind, post.Target));
        Assert.StartsWith("## Oversight: all", EffectParameters.Text(post.Parameters, field), StringComparison.Ordinal);
        Assert.Null(EffectShape.Problem(post));
    }

    [Fact]
    public async Task RunAsync_NoDestination_NoEffect()
    {
        Assert.Empty((await RunAsync()).Result.Effects);
    }

    [Fact]
    public async Task RunAsync_IssueTitleWithMarkup_EscapedInTheBriefing()
    {
        var issues = new IssueDigestSet("all", [Digest(9, "<img src=x> @everyone ${{ secrets.X }}", IssueStatus.Escalated, AgentNames.Sales, 2)], 0);

        var run = await Agents.RunAsync(AgentNames.ProjectManager, FormBody.Of(("Scope", "all")), context: new DispatchContext { Issues = issues });

        Assert.DoesNotContain("<img", run.Result.Plan, StringComparison.Ordinal);
        Assert.DoesNotContain("@everyone", run.Result.Plan, StringComparison.Ordinal);
        Assert.DoesNotContain("${{", run.Result.Plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BusinessTemplate_UsedOrReportedWithItsLine()
    {
        var custom = await RunAsync(template: new CommentTemplate("templates/project-manager.sbn", "{{ for w in workload }}{{ w.agent }}:{{ w.open }} {{ end }}"));
        var broken = await RunAsync(template: new CommentTemplate("templates/project-manager.sbn", "{{ if }}"));

        Assert.StartsWith("ai-support-agent:2 ", custom.Result.Plan, StringComparison.Ordinal);
        Assert.StartsWith("## Oversight", broken.Result.Plan, StringComparison.Ordinal);
        Assert.Contains(broken.Result.Actions, a => a.StartsWith("Note: templates/project-manager.sbn:1:", StringComparison.Ordinal));
    }
}
