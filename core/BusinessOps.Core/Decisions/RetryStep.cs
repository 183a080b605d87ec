using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// Failures: a transient one is retried with backoff under a new key and escalated after too many in a row; bad input
/// waits for an edit; a broken deployment is said once and waits for <c>/retry</c>; <c>/retry</c> starts a fresh count.
/// An execute phase is only ever retried on the input that was approved.
/// </summary>
internal static class RetryStep
{
    /// <summary><c>/retry</c>: a fresh count and a new attempt — the execute phase again if a plan was approved, else a new plan.</summary>
    public static Decision Restart(Decision d, DecisionInput input)
    {
        d = d.EndWait(input.Now) with { State = d.State with { Failures = 0, NotBefore = null, Override = null }, Agent = null };
        // After a failure report, the plan runs again (the report is not a plan to carry on with).
        var execute = d.State.Phase == DispatchPhase.Execute && d.State.PlanHash is not null && !FailureReportStep.Reporting(input, d.State);
        if (execute && input.InputChangedSince(d.State.InputHash))
        {
            return PlanStep.Void(d, input);
        }

        return RoutingStep.Start(d, input, d.State.Attempt + 1, execute ? DispatchPhase.Execute : DispatchPhase.Plan);
    }

    /// <summary>
    /// A failed attempt (<paramref name="first"/>: the first time this key's failure is seen, so it is counted once):
    /// escalated after too many in a row, else retried under a new key once the backoff after <paramref name="failedAt"/>
    /// ends — the <paramref name="phase"/> given (a failure report's execute phase retries the plan), else the phase of
    /// <paramref name="key"/>.
    /// </summary>
    public static Decision OnFailure(Decision d, DecisionInput input, string key, string error, DateTimeOffset failedAt, bool first, DispatchPhase? phase = null)
    {
        if (first)
        {
            d = d with { State = d.State with { Failures = d.State.Failures + 1, SettledKey = key, Summary = Text.Bound("Failed: " + error, 240) } };
        }

        var policies = input.Policies;
        var retry = policies.Dispatch.Retry;
        if (RetrySchedule.ShouldEscalate(d.State.Failures, retry))
        {
            d = d.Note(
                input,
                "escalated:" + key,
                DispatchComments.FailuresEscalated(Text.Mentions(policies.Sla.Managers), d.State.Failures, error));
            d = first ? d.Audit(input, "coordinator", "escalated", $"{d.State.Failures} consecutive failures") : d;
            return d.WithStatus(IssueStatus.Escalated);
        }

        var notBefore = d.State.NotBefore ?? RetrySchedule.NextAttemptAt(d.State.Failures, failedAt, key, retry);
        d = d with { State = d.State with { NotBefore = notBefore } };
        if (input.Now < notBefore)
        {
            return d.WithStatus(IssueStatus.Failed);
        }

        phase ??= IdempotencyKey.TryParse(key, out var k) ? k.PhaseKind : DispatchPhase.Plan;
        if (phase == DispatchPhase.Execute && input.InputChangedSince(d.State.InputHash))
        {
            return PlanStep.Void(d, input);
        }

        return DispatchStep.Start(d with { Agent = d.State.Agent }, input, d.State.Attempt + 1, phase.Value);
    }

    /// <summary>Bad input is never retried as is; an edit of the title or body earns a fresh attempt.</summary>
    public static Decision OnBadInput(Decision d, DecisionInput input)
    {
        if (input.InputChangedSince(d.State.InputHash))
        {
            return RoutingStep.Start(d with { Agent = null }, input, d.State.Attempt + 1);
        }

        return d with { State = d.State with { Status = IssueStatus.NeedsTriage, Triage = "bad input" } };
    }

    /// <summary>
    /// A plan whose effects cannot be run as recorded (<paramref name="problem"/>: which effect, what is wrong): nothing of
    /// it is gated or executed; it waits in triage for an edit (a new plan) or <c>/retry</c>.
    /// </summary>
    public static Decision OnBadPlan(Decision d, DecisionInput input, string key, string problem)
    {
        if (input.InputChangedSince(d.State.InputHash))
        {
            return RoutingStep.Start(d with { Agent = null }, input, d.State.Attempt + 1);
        }

        d = d.Note(
            input,
            NoteKey.For("bad-plan", key),
            PlanComments.Refused(problem));
        return d with { State = d.State with { Status = IssueStatus.NeedsTriage, Triage = Text.Bound("plan not runnable: " + problem, 240) } };
    }

    /// <summary>
    /// The dispatch itself cannot work until someone fixes the setup (a missing function, queue or permission):
    /// failed, said once, and no automatic retry — retrying would only storm. <c>/retry</c> after the fix.
    /// </summary>
    public static Decision OnBrokenInfrastructure(Decision d, DecisionInput input, string key, string error, bool first)
    {
        if (first)
        {
            d = d with { State = d.State with { Failures = d.State.Failures + 1, Summary = Text.Bound("Dispatch failed: " + error, 240) } };
            d = d.Audit(input, "coordinator", "dispatch failed", error);
        }

        d = d.Note(
            input,
            "infra:" + key,
            DispatchComments.StartFailed(Text.Mentions(input.Policies.Sla.Managers), d.State.Agent ?? "the agent", error));
        return d.WithStatus(IssueStatus.Failed);
    }
}
