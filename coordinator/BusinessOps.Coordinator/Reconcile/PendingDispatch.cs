using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;

namespace BusinessOps.Coordinator.Reconcile;

/// <summary>
/// A dispatch that waits for the end of the pass to be handed over, with the snapshot it was decided on and when this
/// pass's lease on it runs out (<see cref="DateTimeOffset.MaxValue"/>: a local run, whose start is itself a conditional
/// write). A cloud run's intent is recorded already; a local run's is not: <see cref="Decided"/> holds the decision's
/// writes, recorded with the start in one write (<see cref="DispatchRunner"/>).
/// </summary>
internal sealed record PendingDispatch(IssueSnapshot Issue, DispatchAgent Dispatch, DateTimeOffset LeaseUntil)
{
    /// <summary>A local run's decision, not written yet: its intent is recorded when the run starts, as in progress.</summary>
    public IReadOnlyList<OpsAction>? Decided { get; init; }
}
