using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Time;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// A dispatch with no result yet: what the executor reported (failed, never found, stuck in a queue), silence past what
/// the executor allows (a lost run is a failed attempt), or a local intent whose agent never started (the pass stopped
/// between recording it and starting it: the same key again at once, and not a failure).
/// </summary>
internal static class InFlightStep
{
    // Lambda runs at most 15 minutes and retries a failed asynchronous event twice (about 1 and 2 minutes later).
    private static readonly TimeSpan LambdaSilence = TimeSpan.FromMinutes(30);

    // A local run finishes or is killed within its timeout; this much later its coordinator is gone.
    private static readonly TimeSpan LocalGrace = TimeSpan.FromMinutes(5);

    public static Decision Apply(Decision d, DecisionInput input, string key)
    {
        var state = d.State;
        var now = input.Now;
        var first = state.SettledKey != key;
        d = d.Agent == state.Agent ? d : d with { Agent = state.Agent };
        if (input.Context.Reports.TryGetValue(key, out var report))
        {
            if (report.Failed)
            {
                return RetryStep.OnFailure(d, input, key, report.Message ?? "the run failed outside the agent", now, first);
            }

            if (report.NeverStarted)
            {
                // Recorded but never started (the pass stopped between intent and dispatch): same key again, idempotently.
                return DispatchStep.Again(d, input);
            }

            if (report.Stuck)
            {
                d = d.Note(input, "stuck:" + key, DispatchComments.Stuck(key, state.DispatchedAt ?? now, report.Message ?? "no capacity"));
            }
        }
        else if (state.Executor == ExecutorKind.Lambda && state.DispatchedAt is { } invoked && now - invoked > LambdaSilence)
        {
            // An asynchronous Invoke reports only through the agent's result; silence past Lambda's 15-minute limit and
            // its own retries means the run was lost. A new attempt has a new key, so a late result cannot count twice.
            return RetryStep.OnFailure(d, input, key, $"no result from Lambda within {Durations.Words(LambdaSilence)}", now, first);
        }
        else if (state.Phase == Results.DispatchPhase.Execute && state.Status != IssueStatus.Queued && LastSign(state) is { } alive
            && now - alive > EffectSilence(input.Policies))
        {
            // The coordinator performs effects itself and writes the ledger around each one: silence past the longest an
            // effect can take means the run stopped (a crash). The next attempt asks each target about what may have happened.
            return RetryStep.OnFailure(d, input, key, $"the effect run stopped without a result (nothing recorded for {Durations.Words(EffectSilence(input.Policies))}, e.g. the coordinator stopped); the next attempt checks what already happened", now, first);
        }
        else if (state.Executor == ExecutorKind.Local && state.Status == IssueStatus.Queued)
        {
            // The local shell marks a run in progress right before the agent starts: still queued means it never started.
            return DispatchStep.Again(d, input);
        }
        else if (state.Executor == ExecutorKind.Local && state.DispatchedAt is { } at && now - at > input.Policies.Dispatch.Local.Timeout + LocalGrace)
        {
            return RetryStep.OnFailure(d, input, key, $"no result within {Durations.Words(input.Policies.Dispatch.Local.Timeout)} (the run was lost, e.g. the coordinator stopped)", now, first);
        }

        // Queued until the shell starts the run, in progress after: both are consistent while no result is in.
        return state.Status == IssueStatus.Queued ? d : d.WithStatus(IssueStatus.InProgress);
    }

    /// <summary>How long an effect run may write nothing before it counts as lost: the longest one effect may take, and a margin.</summary>
    internal static TimeSpan EffectSilence(PolicySet policies)
    {
        var longest = policies.Connectors.LongestEffect;
        return (longest > policies.Dispatch.Local.Timeout ? longest : policies.Dispatch.Local.Timeout) + LocalGrace;
    }

    // The ledger is written before and after every effect: its newest record is the run's last sign of life.
    private static DateTimeOffset? LastSign(State.OpsState state)
    {
        var at = state.DispatchedAt;
        foreach (var record in state.Effects ?? [])
        {
            at = at is null || record.At > at ? record.At : at;
        }

        return at;
    }
}
