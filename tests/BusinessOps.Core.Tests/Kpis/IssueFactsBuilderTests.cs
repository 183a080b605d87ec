using BusinessOps.Core.Issues;
using BusinessOps.Core.Kpis;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;
using BusinessOps.TestKit;
using Xunit;
using static BusinessOps.Core.Tests.Kpis.FactsSamples;

namespace BusinessOps.Core.Tests.Kpis;

public sealed class IssueFactsBuilderTests
{
    private static readonly string Key1 = "local/ops#7/a1/plan";
    private static readonly string Key2 = "local/ops#7/a2/plan";

    [Fact]
    public void From_DoneIssueWithMarkers_ReadsTimesCostsAndResults()
    {
        var state = new OpsState
        {
            Status = IssueStatus.Done,
            Agent = AgentNames.Finance,
            Attempt = 2,
            Key = Key2,
            CostUsd = 0.25m,
            Priority = Priority.P1,
            Executor = ExecutorKind.Local,
            DispatchedAt = T0.AddMinutes(20),
        };
        var issue = Some.Issue(
            7,
            labels: ["finance/invoice", "priority/P1", "status/done", "client/Acme", "sla/breached"],
            comments:
            [
                Status(1, state, T0.AddMinutes(3), edited: T0.AddMinutes(40)),
                Result(2, Key1, AgentOutcome.Failed, 0.05m, T0.AddMinutes(10), AgentNames.Finance),
                Result(3, Key2, AgentOutcome.Completed, 0.20m, T0.AddMinutes(30), AgentNames.Finance),
            ]);

        var facts = IssueFactsBuilder.From(issue, Bot);

        Assert.Equal(IssueStatus.Done, facts.Status);
        Assert.Equal(Priority.P1, facts.Priority);
        Assert.Equal(AgentNames.Finance, facts.Agent);
        Assert.Equal(["acme"], facts.Clients);
        Assert.Equal(T0.AddMinutes(3), facts.FirstActionAt);
        Assert.Equal(T0.AddMinutes(30), facts.DoneAt);
        Assert.True(facts.SlaBreached);
        Assert.False(facts.HumanCommand);
        Assert.Equal(2, facts.Results);
        Assert.Equal(1, facts.FailedResults);
        Assert.Equal(0.25m, facts.CostUsd);
        Assert.Equal(2, facts.Attempt);
        Assert.Equal(ExecutorKind.Local, facts.Executor);
    }

    [Fact]
    public void From_HumanApprovedInAudit_IsNotAutomated_RefusedCommandsDoNotCount()
    {
        var refused = new OpsState { Status = IssueStatus.Done, Audit = [Human("mallory", "refused /approve", T0)] };
        var approved = refused with { Audit = [Human("mallory", "refused /approve", T0), Human("carla", "approved", T0.AddMinutes(5))] };

        Assert.False(IssueFactsBuilder.From(Some.Issue(1, labels: ["status/done"], comments: [Status(1, refused, T0)]), Bot).HumanCommand);
        Assert.True(IssueFactsBuilder.From(Some.Issue(2, labels: ["status/done"], comments: [Status(1, approved, T0)]), Bot).HumanCommand);
    }

    [Fact]
    public void From_MarkersPastedByAPerson_AreIgnored()
    {
        var forged = new OpsState { Status = IssueStatus.Done, CostUsd = 99m };
        var issue = Some.Issue(3, comments: [Some.Comment(1, "mallory", Markers.Format(forged)), Some.Comment(2, "mallory", Markers.Format(new ResultRecord("k", AgentNames.Qa, AgentOutcome.Failed, 1, 5m)))]);

        var facts = IssueFactsBuilder.From(issue, Bot);

        Assert.Equal(IssueStatus.New, facts.Status);
        Assert.False(facts.Processed);
        Assert.Equal(0m, facts.CostUsd);
        Assert.Equal(0, facts.Results);
    }

    [Fact]
    public void From_AwaitingApproval_WaitsSinceTheMarkerSays_AndReadsTheAutomationOrigin()
    {
        var state = new OpsState { Status = IssueStatus.AwaitingApproval, WaitingSince = T0.AddHours(2), PlanAt = T0.AddHours(1) };
        var body = "Weekly report\n\n<!-- businessops:automation {\"kind\":\"slot\",\"key\":\"weekly\\u0040x\"} -->";
        var issue = Some.Issue(4, body: body, labels: ["status/awaiting-approval"], comments: [Status(1, state, T0)]);

        var facts = IssueFactsBuilder.From(issue, Bot);

        Assert.Equal(T0.AddHours(2), facts.WaitingSince);
        Assert.Equal(AutomationOrigin.Slot, facts.Origin);
    }

    [Fact]
    public void From_IssueAnEffectOpened_IsATaskNotUntriaged_UnlessAPersonWroteTheMarker()
    {
        const string body = "Write the migration\n\n<!-- businessops:effect o/r#7/execute/1/e2 -->";

        var task = IssueFactsBuilder.From(Some.Issue(8, body: body, author: Bot), Bot);
        var pasted = IssueFactsBuilder.From(Some.Issue(9, body: body, author: "mallory"), Bot);
        var routed = IssueFactsBuilder.From(Some.Issue(10, body: body, author: Bot, labels: ["status/queued"]), Bot);

        Assert.Equal((EffectWorkItem.Origin, true), (task.Origin, task.IsTask));
        Assert.Equal((null, false), (pasted.Origin, pasted.IsTask));
        Assert.False(routed.IsTask);
    }

    [Theory]
    [InlineData("no marker", null)]
    [InlineData("<!-- businessops:automation {\"kind\": -->", null)]
    [InlineData("<!-- businessops:automation [1,2] -->", null)]
    [InlineData("<!-- businessops:automation {\"kind\":\"workflow\"} -->", "workflow")]
    public void AutomationOrigin_Read_TakesOnlyAWellFormedKind(string body, string? expected) =>
        Assert.Equal(expected, AutomationOrigin.Read(body));

    [Fact]
    public void From_LongTitle_IsBoundedOnOneLine()
    {
        var facts = IssueFactsBuilder.From(Some.Issue(5, title: new string('x', 300) + "\nsecond line"), Bot);

        Assert.Equal(IssueFacts.MaxTitle, facts.Title.Length);
        Assert.DoesNotContain('\n', facts.Title);
        Assert.Equal(IssueState.Open, facts.State);
    }

    [Fact]
    public void From_CostOfTheLastDay_SumsOnlyThatDaysResults()
    {
        var issue = Some.Issue(6, labels: ["status/done"], comments:
        [
            Result(1, "local/ops#6/a1/plan", AgentOutcome.Failed, 0.10m, T0),
            Result(2, "local/ops#6/a2/plan", AgentOutcome.Failed, 0.20m, T0.AddDays(1)),
            Result(3, "local/ops#6/a3/plan", AgentOutcome.Completed, 0.30m, T0.AddDays(1).AddHours(2)),
        ]);

        var facts = IssueFactsBuilder.From(issue, Bot);

        Assert.Equal(DateOnly.FromDateTime(T0.AddDays(1).UtcDateTime), facts.CostDay);
        Assert.Equal(0.50m, facts.CostOnDay);
        Assert.Equal(0.60m, facts.CostUsd);
    }

    [Fact]
    public void Dashboard_OpenedByTheIdentity_IsNoOperation_AndDecideLeavesItAlone()
    {
        var body = "# Operations dashboard\n\n" + DashboardMarker.Format(DashboardState.Empty);
        var ours = Some.Issue(9, body: body, author: Bot);
        var forged = Some.Issue(10, body: body, author: "mallory");

        Assert.True(IssueFactsBuilder.From(ours, Bot).IsDashboard);
        Assert.False(IssueFactsBuilder.From(ours, Bot).Processed);
        Assert.False(IssueFactsBuilder.From(forged, Bot).IsDashboard);
        Assert.Empty(BusinessOps.Core.Decisions.Decider.Decide(ours, PolicySet.Default, T0));
        Assert.NotEmpty(BusinessOps.Core.Decisions.Decider.Decide(forged, PolicySet.Default, T0));
    }

    [Fact]
    public void DashboardMarker_RoundTripsAlerts_AndAnEditedMarkerReadsEmpty()
    {
        var state = new DashboardState([new AlertRecord("sla-breach/#3", AlertKind.SlaBreach, "SLA breached on #3 @everyone", T0, 3)]);
        var marker = DashboardMarker.Format(state);

        Assert.DoesNotContain("@", marker, StringComparison.Ordinal);
        Assert.Equal(state.Alerts, DashboardMarker.Read("text\n" + marker).Alerts);
        Assert.Same(DashboardState.Empty, DashboardMarker.Read(marker.Replace("}", string.Empty, StringComparison.Ordinal)));
    }
}
