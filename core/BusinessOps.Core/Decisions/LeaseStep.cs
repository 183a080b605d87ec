using BusinessOps.Core.Policies;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// Before anything else: an issue another pass is handing to the executor is left alone (issue 9, defect 2). The lease
/// binds while it is live. A cloud run is out of the holder's hands once the executor has it: a result for its key, or a
/// report of the run, ends the lease whatever the expiry says (whichever pass sees the result settles it). A local run is
/// settled by its holder, which posts the result and then writes the settlement: until then the lease binds.
/// </summary>
internal static class LeaseStep
{
    public static LeaseHeld? Held(DecisionInput input)
    {
        var state = input.History.State;
        var context = input.Context;
        if (state.Lease is not { } lease || !lease.Binds(context.Pass, input.Now, context.EndedPasses))
        {
            return null;
        }

        if (state.Executor != ExecutorKind.Local && state.Key is { } key
            && (input.History.ResultFor(key) is not null || (context.Reports.TryGetValue(key, out var report) && !report.NeverStarted)))
        {
            return null;
        }

        return new LeaseHeld(lease.Holder, lease.Until);
    }
}
