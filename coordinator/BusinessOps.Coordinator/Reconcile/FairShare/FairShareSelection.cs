using BusinessOps.Core.Decisions;

namespace BusinessOps.Coordinator.Reconcile.FairShare;

/// <summary>
/// What one pass starts, in the order it starts them (<see cref="Admitted"/>: entry indices), and what waits for a later
/// pass, with why (<see cref="Held"/>). Every entry is in exactly one of the two.
/// </summary>
internal sealed record FairShareSelection(IReadOnlyList<int> Admitted, IReadOnlyList<(int Index, DispatchHold Hold)> Held);
