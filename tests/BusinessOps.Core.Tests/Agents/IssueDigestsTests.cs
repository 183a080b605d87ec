using System.Text.Json;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;
using Xunit;

namespace BusinessOps.Core.Tests.Agents;

public sealed class IssueDigestsTests
{
    private const string Bot = "businessops[bot]";
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static IssueSnapshot Issue(int number, string[] labels, params IssueComment[] comments) =>
        new(number, "Issue " + number, "body", IssueState.Open, labels, "alice", At.AddHours(number), At.AddHours(number), comments);

    private static IssueComment Comment(string author, string body) => new(1, author, body, At, At, false);

    [Fact]
    public void From_Labels_TypedFields()
    {
        var d = IssueDigests.From(Issue(1, ["dev/qa", "status/awaiting-approval", "priority/P1", "client/Acme", "sla/breached"]), Bot, RoutingPolicy.Default);

        Assert.Equal((IssueStatus.AwaitingApproval, Priority.P1, AgentNames.Qa, true), (d.Status, d.Priority, d.Agent, d.SlaBreached));
        Assert.Equal(["acme"], d.Clients);
    }

    [Fact]
    public void From_AgentFromTrustedMarkerOnly()
    {
        var marker = Markers.Format(new ResultRecord("k#1/a1/plan", AgentNames.Security, AgentOutcome.Completed, 1, 0));

        Assert.Equal(AgentNames.Security, IssueDigests.From(Issue(1, ["dev/qa"], Comment(Bot, marker)), Bot, RoutingPolicy.Default).Agent);
        Assert.Equal(AgentNames.Qa, IssueDigests.From(Issue(1, ["dev/qa"], Comment("mallory", marker)), Bot, RoutingPolicy.Default).Agent);
        Assert.Equal(IssueDigests.Unrouted, IssueDigests.From(Issue(1, ["question"]), Bot, RoutingPolicy.Default).Agent);
    }

    [Fact]
    public void From_ApproveByAPerson_HumanApproved()
    {
        Assert.True(IssueDigests.From(Issue(1, [], Comment("carla", "/approve")), Bot, RoutingPolicy.Default).HumanApproved);
        Assert.False(IssueDigests.From(Issue(1, [], Comment(Bot, "/approve")), Bot, RoutingPolicy.Default).HumanApproved);
    }

    [Fact]
    public void Scoped_Tenant_OnlyItsIssuesWithoutSelfNewestFirst()
    {
        IssueSnapshot[] issues = [Issue(1, ["client/acme"]), Issue(2, ["client/globex"]), Issue(3, ["client/acme"]), Issue(4, []), Issue(5, ["client/acme"])];

        var set = IssueDigests.Scoped(issues, "acme", exclude: 5, Bot, RoutingPolicy.Default);

        Assert.Equal("client/acme", set.Scope);
        Assert.Equal([3, 1], set.Items.Select(i => i.Number));
        Assert.Equal(0, set.Omitted);
    }

    [Fact]
    public void Scoped_NoTenant_AllIssues()
    {
        var set = IssueDigests.Scoped([Issue(1, ["client/acme"]), Issue(2, [])], null, exclude: 0, Bot, RoutingPolicy.Default);

        Assert.Equal((IssueDigestSet.AllScope, 2), (set.Scope, set.Items.Count));
    }

    [Fact]
    public void Scoped_MoreThanTheBound_KeepsNewestAndCountsTheRest()
    {
        var issues = Enumerable.Range(1, IssueDigestSet.MaxItems + 7).Select(n => Issue(n, [])).ToList();

        var set = IssueDigests.Scoped(issues, null, exclude: 0, Bot, RoutingPolicy.Default);

        Assert.Equal(IssueDigestSet.MaxItems, set.Items.Count);
        Assert.Equal(7, set.Omitted);
        Assert.Equal(IssueDigestSet.MaxItems + 7, set.Items[0].Number);
    }

    [Fact]
    public void Json_RoundTrip_KeepsEveryField()
    {
        var context = new DispatchContext
        {
            Client = new ClientProfile("acme") { Name = "Acme Corp" },
            Policies = new AgentPolicies { QualityGates = new QualityGatesPolicy(0.9, 0.99), Network = NetworkPolicy.PublicOnly with { AllowLoopback = true }, Triage = RoutingPolicy.DefaultTriage },
            Issues = IssueDigests.Scoped([Issue(1, ["status/done", "priority/P0", "client/acme"])], "acme", 0, Bot, RoutingPolicy.Default),
        };

        var json = JsonSerializer.Serialize(context, AgentContextJson.Wire.DispatchContext);
        var back = JsonSerializer.Deserialize(json, AgentContextJson.Wire.DispatchContext)!;

        Assert.Contains("\"status\":\"done\"", json, StringComparison.Ordinal);
        Assert.Contains("\"priority\":\"P0\"", json, StringComparison.Ordinal);
        Assert.Equal(context.Client.Name, back.Client!.Name);
        Assert.Equal(context.Policies.QualityGates, back.Policies.QualityGates);
        Assert.Equal(context.Policies.Network, back.Policies.Network);
        Assert.Equal(RoutingPolicy.DefaultTriage.Count, back.Policies.Triage!.Count);
        Assert.Equal(context.Issues.Items[0] with { Clients = [] }, back.Issues!.Items[0] with { Clients = [] });
        Assert.Equal(["acme"], back.Issues.Items[0].Clients);
    }
}
