using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;

namespace BusinessOps.Coordinator.Reconcile.FairShare;

/// <summary>
/// A decision of the pass that starts a run, not written yet: the snapshot, the decision's actions, its dispatch, and
/// <paramref name="Resent"/>: the intent is already on the issue.
/// </summary>
internal sealed record DispatchCandidate(IssueSnapshot Issue, IReadOnlyList<OpsAction> Actions, DispatchAgent Dispatch, bool Resent);
