using System.Globalization;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Results;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// What is approved is what happens: a plan is about the title and body it was made from, and it is exactly its effects.
/// When the text changes before the plan is carried out, or the plan's recorded effects are no longer the ones gated,
/// the plan and every approval of it are void — said once in a comment — and a new plan is made from the text as it is
/// now. Nothing more of the old plan is executed.
/// </summary>
internal static class PlanStep
{
    public static Decision Void(Decision d, DecisionInput input)
    {
        var state = d.State;
        var attempt = state.Attempt + 1;
        d = d.Note(input, NoteKey.For("replan", state.PlanKey ?? state.Key ?? "none"), PlanComments.VoidEdited(state.PlanHash, DoneBefore(state), attempt));
        d = d.Audit(input, "coordinator", "plan voided", "the issue's title or body changed after the plan was made");
        return Restart(d, input, attempt);
    }

    /// <summary>The recorded plan is not the one gated any more (<paramref name="problem"/> says how): void, and a new plan.</summary>
    public static Decision Changed(Decision d, DecisionInput input, string problem)
    {
        var state = d.State;
        var attempt = state.Attempt + 1;
        d = d.Note(input, NoteKey.For("changed", state.PlanKey ?? state.Key ?? "none"), PlanComments.VoidChanged(state.PlanHash, problem, DoneBefore(state), attempt));
        d = d.Audit(input, "coordinator", "plan voided", problem);
        return Restart(d, input, attempt);
    }

    private static Decision Restart(Decision d, DecisionInput input, int attempt)
    {
        d = d.EndWait(input.Now) with
        {
            State = d.State with { Gate = null, PlanKey = null, PlanHash = null, EffectsHash = null, Effects = null, PlanAt = null, Risks = null, Approvals = null, BackupRole = null },
            Agent = null,
        };
        return RoutingStep.Start(d, input, attempt, DispatchPhase.Plan);
    }

    /// <summary>The effects of the void plan already done (<c>e1</c>, …), said in the note.</summary>
    private static List<string> DoneBefore(Core.State.OpsState state) =>
        state.Effects?.Where(r => r.Status == EffectStatus.Done).Select(r => string.Create(CultureInfo.InvariantCulture, $"e{r.Index}")).ToList() ?? [];
}
