using BusinessOps.Coordinator.Reconcile.FairShare;

namespace BusinessOps.Coordinator.Reconcile;

/// <summary>What one pass collects as it goes: new runs up for the fair share, runs that start at its end, and its counts.</summary>
internal sealed class PassTally
{
    /// <summary>Decided new runs, in the pass's priority/SLA order, not written yet.</summary>
    public List<DispatchCandidate> Candidates { get; } = [];

    /// <summary>Runs that start at the end of the pass (local runs; cloud runs packed into sets).</summary>
    public List<PendingDispatch> Pending { get; } = [];

    public int Failed { get; set; }

    public int LeftAlone { get; set; }
}
