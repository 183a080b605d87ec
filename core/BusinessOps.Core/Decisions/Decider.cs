using BusinessOps.Core.Issues;
using BusinessOps.Core.Policies;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// The functional core: <c>Decide(snapshot, policies, now) → actions</c>. Pure — no I/O, no clock, no randomness.
/// Level-triggered: it reads the issue's current state and emits only the writes that converge it, so a
/// second call on an unchanged snapshot returns nothing.
/// </summary>
public static class Decider
{
    public static IReadOnlyList<OpsAction> Decide(IssueSnapshot issue, PolicySet policies, DateTimeOffset now) =>
        Decide(issue, policies, now, DecisionContext.Empty);

    public static IReadOnlyList<OpsAction> Decide(IssueSnapshot issue, PolicySet policies, DateTimeOffset now, DecisionContext context)
    {
        if (issue.State == IssueState.Closed)
        {
            return [];
        }

        var run = new DecisionRun(issue, policies, now, context);
        run.Execute();
        return run.Emit();
    }
}
