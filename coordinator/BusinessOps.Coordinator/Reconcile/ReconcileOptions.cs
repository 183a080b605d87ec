namespace BusinessOps.Coordinator.Reconcile;

/// <summary>Knobs of a pass.</summary>
/// <param name="Concurrency">Dispatches in flight at once (local: child processes).</param>
/// <param name="DryRun">Print the actions, write nothing, dispatch nothing.</param>
/// <param name="DispatchImmediately">Cloud executors: no visible queue, each run handed over right after its intent is recorded; local: issues wait in status/queued.</param>
public sealed record ReconcileOptions(int Concurrency, bool DryRun = false, bool DispatchImmediately = false)
{
    /// <summary>How long a pass's lease on an issue outlives a crash of the pass on another machine (on this host a dead process ends it at once).</summary>
    public TimeSpan LeaseFor { get; init; } = Core.Decisions.DecisionContext.DefaultLeaseFor;

    /// <summary>
    /// Decide every open issue even where the store keeps a pass index (<c>run --full</c>); otherwise a store that has one
    /// (<see cref="Core.Ports.IPassIndex"/>) is read incrementally: what changed since the last pass, what is due, the automation's own.
    /// </summary>
    public bool Full { get; init; }

    /// <summary>An incremental pass gives way to a full one at least this often: a safety net under the due times (one slow pass a day).</summary>
    public TimeSpan FullPassEvery { get; init; } = TimeSpan.FromHours(24);
}
