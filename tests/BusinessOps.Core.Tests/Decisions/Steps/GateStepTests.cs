using BusinessOps.Core.Decisions;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;
using BusinessOps.TestKit;
using Xunit;

namespace BusinessOps.Core.Tests.Decisions.Steps;

/// <summary>The gate is evaluated once per plan and recorded; later passes follow the record whatever today's spend is.</summary>
public sealed class GateStepTests
{
    private const string Key = "local/ops#1/a1/plan";
    private static readonly ResultRecord Plan = new(Key, AgentNames.Qa, AgentOutcome.Completed, 0.9, 0.01m, Classification.Routine);

    [Fact]
    public void Apply_NewPlanSpendUnknown_AsksForTheLedgerAndChangesNothing()
    {
        var input = Step.Input(Issue(new OpsState { Key = Key, Agent = AgentNames.Qa, Phase = DispatchPhase.Plan }), DecisionContext.For("local", false));

        var d = GateStep.Apply(Step.Start(input) with { Agent = AgentNames.Qa }, input, Plan);

        Assert.True(d.Needs?.SpendToday);
        Assert.Null(d.State.Gate);
    }

    [Fact]
    public void Apply_NewRoutinePlan_RecordsExecuteAndReportAgainstThePlan()
    {
        var input = Step.Input(Issue(new OpsState { Key = Key, Agent = AgentNames.Qa, Phase = DispatchPhase.Plan }));

        var d = GateStep.Apply(Step.Start(input) with { Agent = AgentNames.Qa }, input, Plan);

        Assert.Equal((GateDecision.ExecuteAndReport, Key, IssueStatus.Done), (d.State.Gate, d.State.PlanKey, d.State.Status));
        Assert.Equal(PlanHash.Compute(Key), d.State.PlanHash);
    }

    [Fact]
    public void Apply_RecordedExecuteAndReport_StaysDoneWithSpendFarPastTheLimit()
    {
        var state = new OpsState { Key = Key, Agent = AgentNames.Qa, Phase = DispatchPhase.Plan, Status = IssueStatus.Done, Gate = GateDecision.ExecuteAndReport, PlanKey = Key, Level = Policies.AutonomyLevel.L1, SettledKey = Key };
        var spent = Some.Issue(2, comments: [Some.Comment(9, Step.Policies.Identity, Markers.Format(new ResultRecord("local/ops#2/a1/plan", AgentNames.Analytics, AgentOutcome.Completed, 0.9, 500m)), Some.Epoch, bot: true)]);
        var input = Step.Input(Issue(state), DecisionContext.Empty.WithSpend([spent], Step.Policies.Identity, Some.Epoch));

        var d = GateStep.Apply(Step.Start(input) with { Agent = AgentNames.Qa }, input, Plan);

        Assert.Equal(IssueStatus.Done, d.State.Status);
        Assert.Null(d.Needs);
        Assert.Same(state.Audit, d.State.Audit);
    }

    [Fact]
    public void Apply_WaitingPlanWhoseBodyWasEdited_VoidsItAndPlansAgain()
    {
        var state = new OpsState { Key = Key, Agent = AgentNames.Qa, Attempt = 1, Phase = DispatchPhase.Plan, Status = IssueStatus.AwaitingApproval, Gate = GateDecision.RequireApproval, PlanKey = Key, PlanHash = "aaaaaaaaaaaa", InputHash = "000000000000" };
        var input = Step.Input(Issue(state));

        var d = GateStep.Apply(Step.Start(input) with { Agent = AgentNames.Qa }, input, Plan);

        Assert.Equal("local/ops#1/a2/plan", d.Dispatch?.Key);
        Assert.Null(d.State.Gate);
        Assert.Null(d.State.PlanHash);
        Assert.Contains(d.Extra.OfType<PostComment>(), p => p.NoteKey == "replan:" + Key);
    }

    private static IssueSnapshot Issue(OpsState state) => Step.With(Some.Issue(labels: ["dev/qa", "priority/P2"]), state with { InputHash = state.InputHash ?? InputHash.Of(Some.Issue(labels: ["dev/qa", "priority/P2"])) });
}
