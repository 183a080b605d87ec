using BusinessOps.Core.Effects;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// A result for the current key: settled once (cost added, summary kept), then by outcome — a failure to the retry rules
/// (after performing the effects that report it, <see cref="FailureReportStep"/>), the execute phase's report of its effects to <see cref="EffectsStep"/>, a plan with malformed effects to triage, a
/// plan to the gate.
/// </summary>
internal static class ResultStep
{
    public static Decision Apply(Decision d, DecisionInput input, ResultRecord result)
    {
        var key = result.Key;
        var first = d.State.SettledKey != key;
        var agent = d.State.Agent ?? result.Agent;
        d = d.Agent == agent ? d : d with { Agent = agent };
        if (first)
        {
            var at = input.History.ResultTime(key) ?? input.Now;
            d = d with
            {
                State = d.State with
                {
                    SettledKey = key,
                    CostUsd = d.State.CostUsd + result.CostUsd,
                    CostAt = at,
                    Summary = Text.Bound(result.Summary ?? result.Error ?? result.Outcome.ToString(), 240),
                },
            };
        }

        // The execute phase runs no agent: its result is the coordinator's report of the effects it performed.
        if (d.State.Phase == DispatchPhase.Execute)
        {
            return EffectsStep.Settle(d, input, result, first);
        }

        if (result.Outcome == AgentOutcome.Failed)
        {
            return result switch
            {
                { Permanent: true, Infrastructure: true } => RetryStep.OnBrokenInfrastructure(d, input, key, result.Error ?? "the executor rejected the dispatch", first),
                { Permanent: true } => RetryStep.OnBadInput(d, input),
                _ => FailureReportStep.Apply(d, input, result, first),
            };
        }

        if (EffectShape.PlanProblem(result.Effects ?? []) is { } problem)
        {
            return RetryStep.OnBadPlan(d, input, key, problem);
        }

        d = d.State.Failures == 0 ? d : d with { State = d.State with { Failures = 0 } };
        return GateStep.Apply(d, input, result);
    }
}
