namespace BusinessOps.Coordinator.Reconcile;

/// <summary>Knobs of a pass.</summary>
/// <param name="Concurrency">Dispatches in flight at once (local: child processes).</param>
/// <param name="DryRun">Print the actions, write nothing, dispatch nothing.</param>
/// <param name="DispatchImmediately">Cloud executors: no visible queue; local: issues wait in status/queued.</param>
public sealed record ReconcileOptions(int Concurrency, bool DryRun = false, bool DispatchImmediately = false);
