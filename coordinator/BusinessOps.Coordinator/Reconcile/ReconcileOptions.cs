namespace BusinessOps.Coordinator.Reconcile;

/// <summary>Knobs of a pass.</summary>
/// <param name="Concurrency">Dispatches in flight at once (local: child processes).</param>
/// <param name="DryRun">Print the actions, write nothing, dispatch nothing.</param>
/// <param name="DispatchImmediately">Cloud executors: no visible queue, each run handed over right after its intent is recorded; local: issues wait in status/queued.</param>
public sealed record ReconcileOptions(int Concurrency, bool DryRun = false, bool DispatchImmediately = false)
{
    /// <summary>How long a pass's lease on an issue outlives a crash of the pass on another machine (on this host a dead process ends it at once).</summary>
    public TimeSpan LeaseFor { get; init; } = Core.Decisions.DecisionContext.DefaultLeaseFor;
}
