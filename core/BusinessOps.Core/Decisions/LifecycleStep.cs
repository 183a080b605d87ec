namespace BusinessOps.Core.Decisions;

/// <summary>
/// Step 4, the lifecycle of ARCHITECTURE.md §4: which step the position calls for — a fresh start after
/// <c>/retry</c>, the first dispatch, a run still in flight, or a result to settle.
/// </summary>
internal static class LifecycleStep
{
    public static Decision Apply(Decision d, DecisionInput input)
    {
        if (d.Retry)
        {
            return RetryStep.Restart(d, input);
        }

        if (d.State.Key is not { } key)
        {
            return RoutingStep.Start(d, input, attempt: 1);
        }

        return input.History.ResultFor(key) is { } result
            ? ResultStep.Apply(d, input, result)
            : InFlightStep.Apply(d, input, key);
    }
}
