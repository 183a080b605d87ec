using BusinessOps.Core.Results;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// What is approved is what happens: the execute phase performs the approved plan's effects — the coordinator runs them
/// itself, the agent is not run again. A plan without effects has nothing left to do once approved: it is done. A plan
/// whose recorded effects no longer match what was gated is void (<see cref="PlanStep.Changed"/>): nothing of it runs.
/// A later attempt of the same plan keeps its ledger: done effects are skipped, failed ones performed again under their key.
/// </summary>
internal static class ExecuteStep
{
    public static Decision Start(Decision d, DecisionInput input, int attempt)
    {
        var approved = ApprovedEffects.From(input.History, d.State);
        if (approved.Problem is { } problem)
        {
            return PlanStep.Changed(d, input, problem);
        }

        if (approved.Effects.Count == 0)
        {
            return FinishStep.Apply(d, input, d.State.PlanKey ?? d.State.Key!);
        }

        return DispatchStep.Record(d, input, attempt, DispatchPhase.Execute, approved.Effects);
    }
}
