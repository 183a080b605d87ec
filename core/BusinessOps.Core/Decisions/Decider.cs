using BusinessOps.Core.Issues;
using BusinessOps.Core.Policies;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// The functional core: <c>Decide(snapshot, policies, now, context) → actions</c>. Pure — no I/O, no clock, no randomness.
/// Level-triggered: it reads the issue's current state and emits only the writes that converge it, so a second call on
/// an unchanged snapshot returns nothing. A pipeline of small pure steps, each taking the <see cref="Decision"/> so far
/// and returning the next: another pass's lease, the facts check, priority, commands, hold, the lifecycle (routing, dispatch, results, gate,
/// approvals, retries), the SLA clock, and the writes.
/// </summary>
public static class Decider
{
    /// <summary>Decides with no gathered facts (<see cref="DecisionContext.Empty"/>): for tests and tools.</summary>
    public static IReadOnlyList<OpsAction> Decide(IssueSnapshot issue, PolicySet policies, DateTimeOffset now) =>
        Decide(issue, policies, now, DecisionContext.Empty);

    /// <summary>
    /// The writes that converge <paramref name="issue"/>, or a single <see cref="GatherFacts"/> when the decision needs a
    /// fact <paramref name="context"/> lacks (nothing else is returned then: the shell gathers it and decides again).
    /// </summary>
    public static IReadOnlyList<OpsAction> Decide(IssueSnapshot issue, PolicySet policies, DateTimeOffset now, DecisionContext context)
    {
        // The operations dashboard (State/DashboardIssue) is the coordinator's own page, not an operation; an issue an
        // effect opened for people (State/EffectWorkItem) is theirs until someone routes it. A closed issue settles only the
        // run whose effect closed it (ClosedStep).
        if (issue.State == IssueState.Closed)
        {
            return ClosedStep.Settle(issue, policies, now, context);
        }

        if (State.DashboardIssue.Is(issue, policies.Identity) || State.EffectWorkItem.Is(issue, policies))
        {
            return [];
        }

        var input = DecisionInput.Read(issue, policies, now, context);
        if (LeaseStep.Held(input) is { } held)
        {
            return [held];
        }

        if (FactsStep.Missing(input) is { } needed)
        {
            return [needed];
        }

        var d = Decision.Start(input);
        d = PriorityStep.Apply(d, input);
        d = CommandsStep.Apply(d, input);
        d = HoldStep.Apply(d, input);
        if (!d.Final)
        {
            d = LifecycleStep.Apply(d, input);
            if (d.Needs is { } more)
            {
                return [more];
            }

            d = SlaStep.Apply(d, input);
        }

        return EmitStep.Emit(d, input);
    }
}
