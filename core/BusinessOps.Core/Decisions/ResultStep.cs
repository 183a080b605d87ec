using BusinessOps.Core.Results;
using BusinessOps.Core.State;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// A result for the current key: settled once (cost added, summary kept), then by outcome — a failure to the retry rules,
/// an executed plan to done, a plan to the gate.
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

        if (result.Outcome == AgentOutcome.Failed)
        {
            return result switch
            {
                { Permanent: true, Infrastructure: true } => RetryStep.OnBrokenInfrastructure(d, input, key, result.Error ?? "the executor rejected the dispatch", first),
                { Permanent: true } => RetryStep.OnBadInput(d, input),
                _ => RetryStep.OnFailure(d, input, key, result.Error ?? "the agent reported a failure", input.History.ResultTime(key) ?? input.Now, first),
            };
        }

        d = d.State.Failures == 0 ? d : d with { State = d.State with { Failures = 0 } };
        return d.State.Phase == DispatchPhase.Execute ? FinishStep.Apply(d, input, key) : GateStep.Apply(d, input, result);
    }
}
