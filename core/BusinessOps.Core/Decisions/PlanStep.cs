using BusinessOps.Core.Results;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// What is approved is what happens: a plan is about the title and body it was made from. When they change before the
/// plan is carried out, the plan and every approval of it are void — said once in a comment — and a new plan is made
/// from the text as it is now. Nothing of the old plan is executed.
/// </summary>
internal static class PlanStep
{
    public static Decision Void(Decision d, DecisionInput input)
    {
        var state = d.State;
        var old = state.PlanHash is { } hash ? "the plan " + Text.Code(hash) : "the plan";
        var attempt = state.Attempt + 1;
        d = d.Note(
            input,
            NoteKey.For("replan", state.PlanKey ?? state.Key ?? "none"),
            $"The title or body of this issue changed after {old} was made, so that plan and any approval of it are void; nothing of it was executed. "
            + $"I am making a new plan from the text as it is now (attempt {attempt}); approvals count only for that one.");
        d = d.Audit(input, "coordinator", "plan voided", "the issue's title or body changed after the plan was made").EndWait(input.Now);
        d = d with
        {
            State = d.State with { Gate = null, PlanKey = null, PlanHash = null, PlanAt = null, Risks = null, Approvals = null, BackupRole = null },
            Agent = null,
        };
        return RoutingStep.Start(d, input, attempt, DispatchPhase.Plan);
    }
}
