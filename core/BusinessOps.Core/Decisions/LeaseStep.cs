namespace BusinessOps.Core.Decisions;

/// <summary>
/// Before anything else: an issue another pass is handing to the executor is left alone (issue 9, defect 2). The lease
/// binds while it is live and its key has neither a result nor a run the executor reports; after that the holder is
/// done with it, whatever the expiry says.
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

        if (state.Key is { } key && (input.History.ResultFor(key) is not null || (context.Reports.TryGetValue(key, out var report) && !report.NeverStarted)))
        {
            return null;
        }

        return new LeaseHeld(lease.Holder, lease.Until);
    }
}
