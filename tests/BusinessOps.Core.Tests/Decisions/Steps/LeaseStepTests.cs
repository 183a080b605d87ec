using System.Collections.Immutable;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;
using BusinessOps.TestKit;
using Xunit;

namespace BusinessOps.Core.Tests.Decisions.Steps;

/// <summary>
/// The lease (issue 9, defect 2): taken in the write that records a dispatch, honoured by every other pass while live,
/// ended by the holder's next write, taken over when expired or when its pass is known to be gone.
/// </summary>
public sealed class LeaseStepTests
{
    private const string Key = "local/ops#1/a1/plan";
    private const string Me = "host.1.a.me";
    private const string Other = "host.2.b.other";

    [Fact]
    public void Decide_AnotherPassHoldsALiveLease_LeftAloneWithNothingWritten()
    {
        var issue = Queued(ExecutorKind.Local, new Lease(Other, Some.Epoch.AddMinutes(10)));

        var actions = Decider.Decide(issue, Step.Policies, Some.Epoch.AddMinutes(1), Context());

        Assert.Equal([new LeaseHeld(Other, Some.Epoch.AddMinutes(10))], actions);
    }

    [Fact]
    public void Decide_ExpiredLease_TakenOverWithTheSameKeyAndThisPassAsHolder()
    {
        var issue = Queued(ExecutorKind.Local, new Lease(Other, Some.Epoch.AddMinutes(10)));
        var now = Some.Epoch.AddMinutes(11);

        var actions = Decider.Decide(issue, Step.Policies, now, Context());

        Assert.Equal(Key, Assert.Single(actions.OfType<DispatchAgent>()).Key);
        var write = Assert.Single(actions.OfType<UpsertStatusComment>());
        Assert.Equal(new Lease(Me, now + DecisionContext.DefaultLeaseFor), write.State.Lease);
        Assert.Equal(issue.Comments[0], write.Expected);
    }

    [Fact]
    public void Decide_LeaseOfAPassKnownToBeGone_TakenOverAtOnce()
    {
        var issue = Queued(ExecutorKind.Local, new Lease(Other, Some.Epoch.AddMinutes(10)));

        var actions = Decider.Decide(issue, Step.Policies, Some.Epoch.AddMinutes(1), Context() with { EndedPasses = ImmutableHashSet.Create(Other) });

        Assert.Equal(Me, Assert.Single(actions.OfType<UpsertStatusComment>()).State.Lease?.Holder);
        Assert.Single(actions.OfType<DispatchAgent>());
    }

    [Fact]
    public void Decide_CloudRunWithItsResultIn_SettledByThisPassAndTheLeaseEnds()
    {
        var issue = Queued(ExecutorKind.Batch, new Lease(Other, Some.Epoch.AddMinutes(10)), IssueStatus.InProgress);
        issue = issue with { Comments = [.. issue.Comments, Some.Comment(2, Step.Policies.Identity, Markers.Format(new ResultRecord(Key, AgentNames.Qa, AgentOutcome.Completed, 0.9, 0.01m, Summary: "ok")), bot: true)] };

        var actions = Decider.Decide(issue, Step.Policies, Some.Epoch.AddMinutes(1), Context() with { Executor = ExecutorKind.Batch, DispatchImmediately = true });

        var write = Assert.Single(actions.OfType<UpsertStatusComment>());
        Assert.Null(write.State.Lease);
        Assert.Equal(Key, write.State.SettledKey);
    }

    [Fact]
    public void Decide_LocalRunWithItsResultIn_LeftToTheHolderWhoSettlesIt()
    {
        var issue = Queued(ExecutorKind.Local, new Lease(Other, Some.Epoch.AddMinutes(10)), IssueStatus.InProgress);
        issue = issue with { Comments = [.. issue.Comments, Some.Comment(2, Step.Policies.Identity, Markers.Format(new ResultRecord(Key, AgentNames.Qa, AgentOutcome.Completed, 0.9, 0.01m, Summary: "ok")), bot: true)] };

        var actions = Decider.Decide(issue, Step.Policies, Some.Epoch.AddMinutes(1), Context());

        Assert.IsType<LeaseHeld>(Assert.Single(actions));
    }

    [Fact]
    public void Decide_BatchReportsTheRun_TheLeaseNoLongerBinds()
    {
        var issue = Queued(ExecutorKind.Batch, new Lease(Other, Some.Epoch.AddMinutes(10)), IssueStatus.InProgress);
        var context = Context() with { Executor = ExecutorKind.Batch, DispatchImmediately = true };

        var running = Decider.Decide(issue, Step.Policies, Some.Epoch.AddMinutes(1), context.WithReports([new DispatchReport(Key, "RUNNING", false, false, null)]));
        var notYetSubmitted = Decider.Decide(issue, Step.Policies, Some.Epoch.AddMinutes(1), context.WithReports([new DispatchReport(Key, DispatchReport.NotFound, false, false, null)]));

        Assert.DoesNotContain(running, a => a is LeaseHeld or DispatchAgent);
        Assert.IsType<LeaseHeld>(Assert.Single(notYetSubmitted));
    }

    [Fact]
    public void Decide_OwnLeaseOnAnUnchangedIssue_NoWrite()
    {
        var issue = Queued(ExecutorKind.Batch, new Lease(Me, Some.Epoch.AddMinutes(10)), IssueStatus.InProgress);

        var actions = Decider.Decide(issue, Step.Policies, Some.Epoch.AddMinutes(1), Context() with { Executor = ExecutorKind.Batch, DispatchImmediately = true });

        Assert.Empty(actions);
    }

    [Fact]
    public void Decide_NewIssue_IntentWriteCarriesTheLeaseAndIsACreation()
    {
        var issue = Some.Issue(labels: ["dev/qa", "priority/P2"]);

        var actions = Decider.Decide(issue, Step.Policies, Some.Epoch, Context());

        var write = Assert.Single(actions.OfType<UpsertStatusComment>());
        Assert.Null(write.Expected);
        Assert.Equal(new Lease(Me, Some.Epoch + DecisionContext.DefaultLeaseFor), write.State.Lease);
        Assert.Single(actions.OfType<DispatchAgent>());
    }

    [Fact]
    public void Decide_ToolWithoutAPass_TakesNoLease()
    {
        var actions = Decider.Decide(Some.Issue(labels: ["dev/qa", "priority/P2"]), Step.Policies, Some.Epoch, DecisionContext.Empty);

        Assert.Null(Assert.Single(actions.OfType<UpsertStatusComment>()).State.Lease);
    }

    [Fact]
    public void Decide_BatchIntentNeverSubmitted_SentAgainWithAWrittenLease()
    {
        var issue = Queued(ExecutorKind.Batch, lease: null, IssueStatus.InProgress);
        var context = (Context() with { Executor = ExecutorKind.Batch, DispatchImmediately = true }).WithReports([new DispatchReport(Key, DispatchReport.NotFound, false, false, null)]);

        var actions = Decider.Decide(issue, Step.Policies, Some.Epoch.AddMinutes(1), context);

        Assert.Equal(Key, Assert.Single(actions.OfType<DispatchAgent>()).Key);
        Assert.Equal(Me, Assert.Single(actions.OfType<UpsertStatusComment>()).State.Lease?.Holder);
    }

    private static DecisionContext Context() => DecisionContext.Empty with { Pass = Me };

    private static Core.Issues.IssueSnapshot Queued(ExecutorKind executor, Lease? lease, IssueStatus status = IssueStatus.Queued)
    {
        var issue = Some.Issue(labels: ["dev/qa", "priority/P2", LabelNames.For(status)]);
        var state = new OpsState
        {
            Status = status,
            Key = Key,
            Agent = AgentNames.Qa,
            Attempt = 1,
            Phase = DispatchPhase.Plan,
            Executor = executor,
            DispatchedAt = Some.Epoch,
            Priority = Priority.P2,
            PriorityAt = Some.Epoch,
            InputHash = InputHash.Of(issue),
            Lease = lease,
        };
        return Step.With(issue, state);
    }
}
