using BusinessOps.Core.Effects;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// The effects an approval released: those of the plan result the gate recorded (<see cref="OpsState.PlanKey"/>), and
/// only while that result is still the one gated — the same plan hash, the same effect list (<see cref="OpsState.EffectsHash"/>),
/// every effect well formed. Otherwise <see cref="Problem"/> says what changed, and nothing runs. Read by <c>Decide</c>
/// before it asks for the execute phase and again by the shell on the snapshot it runs from.
/// </summary>
/// <param name="Effects">The approved effects, in order (empty when the plan has none or when there is a problem).</param>
/// <param name="Problem">Why the recorded plan may not run, or null.</param>
/// <param name="ReportsFailure">
/// The recorded result is a failed one and these are the effects reporting its failure (<see cref="FailureReportStep"/>):
/// they all run, and the issue still ends failed.
/// </param>
public sealed record ApprovedEffects(IReadOnlyList<Effect> Effects, string? Problem, bool ReportsFailure = false)
{
    /// <summary>The approved effects of <paramref name="issue"/> as its status comment and result comments say now.</summary>
    public static ApprovedEffects Read(IssueSnapshot issue, PolicySet policies)
    {
        var history = IssueHistory.Read(issue, policies.Identity, policies.Dispatch);
        return From(history, history.State);
    }

    internal static ApprovedEffects From(IssueHistory history, OpsState state)
    {
        if (state.PlanKey is not { } planKey || history.ResultFor(planKey) is not { } plan)
        {
            return new ApprovedEffects([], state.EffectsHash is null ? null : "the approved plan's result comment is gone");
        }

        var effects = plan.Effects ?? [];
        if (state.PlanHash is { } approved && (plan.PlanHash ?? Governance.PlanHash.Compute(plan.Key)) != approved)
        {
            return new ApprovedEffects([], $"the plan result now on the issue is not the plan {Text.Code(approved)} that was gated");
        }

        // Shape first: the fingerprint reads every kind and target, which a hand-edited marker may lack.
        if (EffectShape.PlanProblem(effects) is { } problem)
        {
            return new ApprovedEffects([], problem);
        }

        return EffectListHash.Of(effects) != state.EffectsHash
            ? new ApprovedEffects([], "the plan's effect list was changed after the plan was posted")
            : new ApprovedEffects(effects, null, plan.Outcome == AgentOutcome.Failed);
    }
}
