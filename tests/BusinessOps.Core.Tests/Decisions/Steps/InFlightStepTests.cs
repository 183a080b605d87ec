using BusinessOps.Core.Decisions;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;
using BusinessOps.TestKit;
using Xunit;

namespace BusinessOps.Core.Tests.Decisions.Steps;

/// <summary>A run with no result yet: a local intent that never started goes again with the same key; silence is a failure.</summary>
public sealed class InFlightStepTests
{
    private const string Key = "local/ops#1/a1/plan";

    [Theory]
    [InlineData(1)]
    [InlineData(60)]
    [InlineData(600)]
    public void Apply_LocalIntentStillQueued_SameKeyAgainNotAFailure(int minutesLater)
    {
        var input = Input(IssueStatus.Queued, ExecutorKind.Local, minutesLater);

        var d = InFlightStep.Apply(Step.Start(input), input, Key);

        Assert.Equal(Key, d.Dispatch?.Key);
        Assert.Equal((0, IssueStatus.Queued), (d.State.Failures, d.State.Status));
    }

    [Fact]
    public void Apply_LocalRunStartedAndSilentPastTimeout_Failure()
    {
        var input = Input(IssueStatus.InProgress, ExecutorKind.Local, 11);

        var d = InFlightStep.Apply(Step.Start(input), input, Key);

        Assert.Null(d.Dispatch);
        Assert.Equal(1, d.State.Failures);
    }

    [Fact]
    public void Apply_BatchNeverSubmitted_SameKeyAgain()
    {
        var input = Input(IssueStatus.InProgress, ExecutorKind.Batch, 5, new DispatchReport(Key, DispatchReport.NotFound, false, false, "no job"));

        var d = InFlightStep.Apply(Step.Start(input), input, Key);

        Assert.Equal(Key, d.Dispatch?.Key);
    }

    private static DecisionInput Input(IssueStatus status, ExecutorKind executor, int minutesLater, DispatchReport? report = null)
    {
        var issue = Some.Issue(labels: ["dev/qa", "priority/P2"]);
        var state = new OpsState { Status = status, Key = Key, Agent = AgentNames.Qa, Attempt = 1, Phase = DispatchPhase.Plan, Executor = executor, DispatchedAt = Some.Epoch, Priority = Priority.P2, PriorityAt = Some.Epoch, InputHash = InputHash.Of(issue) };
        var context = report is null ? DecisionContext.Empty : DecisionContext.Empty.WithReports([report]);
        return Step.Input(Step.With(issue, state), context, Some.Epoch.AddMinutes(minutesLater));
    }
}
