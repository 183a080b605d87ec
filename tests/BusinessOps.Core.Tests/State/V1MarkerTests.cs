using System.Text.Json;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;
using BusinessOps.TestKit;
using Xunit;

namespace BusinessOps.Core.Tests.State;

/// <summary>
/// Schema version 2 of the status marker, read against markers the previous release wrote: every one is read and
/// upgraded, converged issues stay write-free, and the next write is version 2 in kebab case.
/// </summary>
public sealed class V1MarkerTests
{
    private static readonly PolicySet Policies = PolicySet.Default with { Repository = "local/demo" };

    public static TheoryData<string> Names => [.. V1Fixtures.Names];

    [Theory]
    [MemberData(nameof(Names))]
    public void TryParseState_MarkerWrittenByVersion1_ReadAndUpgraded(string name)
    {
        var status = StatusComment(name);
        Assert.Contains("{\"v\":1,", status, StringComparison.Ordinal);

        Assert.True(Markers.TryParseState(status, DispatchPolicy.Default, out var state));

        Assert.Equal(OpsState.CurrentVersion, state.V);
        Assert.NotEqual(IssueStatus.New, state.Status);
        Assert.NotNull(state.Priority);
    }

    [Fact]
    public void TryParseState_Version1Strings_BecomeTheirEnums()
    {
        var done = Parse("done-l1");
        Assert.Equal((IssueStatus.Done, DispatchPhase.Plan, ExecutorKind.Local, Priority.P2, AutonomyLevel.L1), (done.Status, done.Phase, done.Executor, done.Priority, done.Level));
        Assert.Equal((GateDecision.ExecuteAndReport, done.Key), (done.Gate, done.PlanKey));

        var waiting = Parse("awaiting-approval-cfo");
        Assert.Equal((IssueStatus.AwaitingApproval, GateDecision.RequireApproval, "b0461d79282d"), (waiting.Status, waiting.Gate, waiting.PlanHash));

        Assert.Equal(GateDecision.DecisionSupport, Parse("awaiting-decision").Gate);
        var executed = Parse("done-after-approval");
        Assert.Equal((DispatchPhase.Execute, AutonomyLevel.L2, (GateDecision?)null), (executed.Phase, executed.Level, executed.Gate));
        Assert.Equal((IssueStatus.NeedsTriage, "no routing label"), (Parse("needs-triage-unroutable").Status, Parse("needs-triage-unroutable").Triage));
    }

    [Fact]
    public void TryParseState_Version1AwsExecutor_BecomesTheExecutorThePolicyGivesThePriority()
    {
        Assert.Equal(ExecutorKind.Lambda, Parse("aws-p0-in-progress").Executor);
        Assert.Equal(ExecutorKind.Batch, Parse("aws-p2-in-progress").Executor);
        Assert.Equal(ExecutorKind.Local, Parse("local-p2-queued").Executor);

        var allLambda = DispatchPolicy.Default with { Targets = new Dictionary<Priority, DispatchTarget> { [Priority.P2] = new(ExecutorKind.Lambda, "fn", null, null) } };
        Assert.True(Markers.TryParseState(StatusComment("aws-p2-in-progress"), allLambda, out var state));
        Assert.Equal(ExecutorKind.Lambda, state.Executor);
    }

    [Fact]
    public void Format_UpgradedState_WritesVersion2InKebabCaseAndReadsBack()
    {
        var state = Parse("awaiting-approval-cfo");

        var marker = Markers.Format(state);

        foreach (var expected in new[] { "{\"v\":2,", "\"status\":\"awaiting-approval\"", "\"phase\":\"plan\"", "\"executor\":\"local\"", "\"priority\":\"p2\"", "\"level\":\"l2\"", "\"gate\":\"require-approval\"" })
        {
            Assert.Contains(expected, marker, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("status/", marker, StringComparison.Ordinal);
        Assert.True(Markers.TryParseState(marker, DispatchPolicy.Default, out var back));
        Assert.Equal(JsonSerializer.Serialize(state, CoreJson.Compact.OpsState), JsonSerializer.Serialize(back, CoreJson.Compact.OpsState));
    }

    [Theory]
    [InlineData("done-l1")]
    [InlineData("done-after-approval")]
    [InlineData("awaiting-approval-cfo")]
    [InlineData("awaiting-decision")]
    [InlineData("needs-triage-unroutable")]
    [InlineData("needs-triage-bad-input")]
    public void Decide_ConvergedVersion1Issue_NoWritesEvenWithSpendPastTheLimit(string name)
    {
        var spent = Some.Issue(99, labels: ["analytics/kpi"], comments: [Result(99, 60m, V1Fixtures.DemoTime.AddMinutes(-1))]);
        var context = DecisionContext.Empty.WithSpend([spent], Policies.Identity, V1Fixtures.DemoTime);

        Assert.Empty(Decider.Decide(V1Fixtures.Issue(name), Policies, V1Fixtures.DemoTime.AddMinutes(1), context));
    }

    [Fact]
    public void Decide_Version1CustomerPlanWaitingForTheWrongRole_OnlyItsStatusCommentChangesToVersion2()
    {
        // One client (client/globex), customer-facing: the previous release waited for the head of customer success.
        var issue = V1Fixtures.Issue("awaiting-approval-customer");
        Assert.Contains("Head of customer success 0 of 1", StatusComment("awaiting-approval-customer"), StringComparison.Ordinal);

        var actions = Decider.Decide(issue, Policies, V1Fixtures.DemoTime.AddMinutes(1), DecisionContext.Empty);

        var upsert = Assert.IsType<UpsertStatusComment>(Assert.Single(actions));
        Assert.Contains("Waiting for approval: Customer success manager 0 of 1.", upsert.Body, StringComparison.Ordinal);
        Assert.Contains("{\"v\":2,", upsert.Body, StringComparison.Ordinal);
        Assert.Empty(Decider.Decide(issue with { Comments = [.. issue.Comments.Select(c => c.Body.Contains("businessops:state", StringComparison.Ordinal) ? c with { Body = upsert.Body } : c)] }, Policies, V1Fixtures.DemoTime.AddMinutes(2), DecisionContext.Empty));
    }

    [Fact]
    public void Decide_Version1LambdaDispatchSilentFor31Minutes_FailsTheAttempt()
    {
        var issue = V1Fixtures.Issue("aws-p0-in-progress");
        var at = new DateTimeOffset(2026, 11, 2, 9, 31, 0, TimeSpan.Zero);

        var actions = Decider.Decide(issue, PolicySet.Default with { Repository = "acme/ops" }, at, DecisionContext.For("aws", true));

        var state = Assert.Single(actions.OfType<UpsertStatusComment>()).State;
        Assert.Equal(1, state.Failures);
        Assert.Equal(IssueStatus.Failed, state.Status);
        Assert.Empty(Decider.Decide(V1Fixtures.Issue("aws-p2-in-progress"), PolicySet.Default with { Repository = "acme/ops" }, at, DecisionContext.For("aws", true)));
    }

    private static OpsState Parse(string name)
    {
        Assert.True(Markers.TryParseState(StatusComment(name), DispatchPolicy.Default, out var state));
        return state;
    }

    private static string StatusComment(string name) => V1Fixtures.Issue(name).Comments.First(c => Markers.Has(c.Body, Markers.StateKind)).Body;

    private static Core.Issues.IssueComment Result(int issue, decimal cost, DateTimeOffset at) =>
        Some.Comment(7000 + issue, Policies.Identity, "done\n\n" + Markers.Format(new ResultRecord($"local/demo#{issue}/a1/plan", "ai-analytics-agent", AgentOutcome.Completed, 0.9, cost)), at, bot: true);
}
