using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;

namespace BusinessOps.Coordinator.Reconcile;

/// <summary>
/// A dispatch whose intent is recorded and that waits for the end of the pass to be handed over, with the snapshot it was
/// decided on and when this pass's lease on it runs out (<see cref="DateTimeOffset.MaxValue"/>: a queued local run, whose
/// start is itself a conditional write).
/// </summary>
internal sealed record PendingDispatch(IssueSnapshot Issue, DispatchAgent Dispatch, DateTimeOffset LeaseUntil);
