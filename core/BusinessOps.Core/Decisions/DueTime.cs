using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.State;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// When <c>Decide</c> must look at an issue again if nothing about it changes: the earliest instant after <c>now</c> at
/// which one of its clocks may make a pass act — the SLA's at-risk and breach instants, the approval timeouts, the retry
/// backoff. An incremental pass reads only the issues that changed since the last one or whose due time has come, so this
/// must never be late; it may be early (a decision that then writes nothing costs a read). Anything whose next step this
/// does not analyse — a new issue, a run in flight or queued, a lease, a failure without a backoff — is due at once.
/// Pure, like <see cref="Decider"/>.
/// </summary>
public static class DueTime
{
    /// <summary>Never on its own: only a change of the issue, of the policies or a full pass makes it worth deciding again.</summary>
    public static readonly DateTimeOffset Never = DateTimeOffset.MaxValue;

    /// <summary>The next instant after <paramref name="now"/> at which deciding unchanged <paramref name="issue"/> may act; <paramref name="now"/> when it may act at any time.</summary>
    public static DateTimeOffset Next(IssueSnapshot issue, PolicySet policies, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(policies);
        // What Decide never acts on: closed issues, the coordinator's dashboard, an effect's work item nobody routed yet.
        if (issue.State == IssueState.Closed || DashboardIssue.Is(issue, policies.Identity) || EffectWorkItem.Is(issue, policies))
        {
            return Never;
        }

        var history = IssueHistory.Read(issue, policies.Identity, policies.Dispatch);
        var state = history.State;
        if (history.StatusComment is null || state.Lease is not null)
        {
            return now;
        }

        // A human's terminal choice and a hold settle the issue until someone comments or relabels (a change).
        if (issue.HasLabel(LabelNames.For(IssueStatus.OnHold)) || (state.Override is not null && state.Status is IssueStatus.Done or IssueStatus.Escalated or IssueStatus.OnHold))
        {
            return Never;
        }

        var due = state.Status switch
        {
            IssueStatus.Done => Never,
            IssueStatus.AwaitingDecision or IssueStatus.NeedsTriage or IssueStatus.Escalated or IssueStatus.OnHold => Sla(state, policies, now),
            IssueStatus.AwaitingApproval => Earliest(Sla(state, policies, now), ApprovalTimeouts(state, policies, now)),
            IssueStatus.Failed when state.NotBefore is { } retryAt => Earliest(Sla(state, policies, now), retryAt > now ? retryAt : now),
            _ => now,
        };
        return due;
    }

    /// <summary>The at-risk and breach instants still ahead (human waits counted as they stand now: a wait that goes on only moves them later).</summary>
    private static DateTimeOffset Sla(OpsState state, PolicySet policies, DateTimeOffset now)
    {
        if (state.PriorityAt is not { } start || state.Priority is not { } priority)
        {
            return now;
        }

        var sla = policies.Sla;
        var target = sla.For(priority).Target;
        var paused = Governance.SlaClock.HumanWait(state.WaitSeconds, state.WaitingSince, now);
        var from = start + (paused > TimeSpan.Zero ? paused : TimeSpan.Zero);
        var atRisk = from + TimeSpan.FromTicks((long)Math.Floor(sla.AtRiskFraction * target.Ticks));
        var breach = from + target + TimeSpan.FromTicks(1);
        return atRisk > now ? atRisk : breach > now ? breach : Never;
    }

    /// <summary>Every approval timeout's deadline still ahead, whichever kind the plan turns out to need.</summary>
    private static DateTimeOffset ApprovalTimeouts(OpsState state, PolicySet policies, DateTimeOffset now)
    {
        if ((state.WaitingSince ?? state.PlanAt) is not { } since)
        {
            return now;
        }

        var due = Never;
        foreach (var timeout in policies.Approvals.Timeouts.Values)
        {
            var deadline = since + timeout.After;
            due = deadline > now ? Earliest(due, deadline) : due;
        }

        return due;
    }

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
