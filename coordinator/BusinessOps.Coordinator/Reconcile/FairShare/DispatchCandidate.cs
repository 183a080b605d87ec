using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;

namespace BusinessOps.Coordinator.Reconcile.FairShare;

/// <summary>
/// A decision of the pass that starts a run, not written yet: the snapshot, the decision's actions, its dispatch, when it
/// was decided (the lease it takes runs from then), and <paramref name="Resent"/>: the intent is already on the issue.
/// </summary>
internal sealed record DispatchCandidate(IssueSnapshot Issue, IReadOnlyList<OpsAction> Actions, DispatchAgent Dispatch, DateTimeOffset DecidedAt, bool Resent);
