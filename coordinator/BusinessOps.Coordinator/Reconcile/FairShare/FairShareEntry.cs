using BusinessOps.Core.Labels;

namespace BusinessOps.Coordinator.Reconcile.FairShare;

/// <summary>
/// One run a pass decided to start, as the fair-share selection sees it: its place in the pass's priority/SLA order
/// (<paramref name="Index"/>), its priority, and its client (null: the business's own work). <paramref name="Exempt"/>: a
/// run that is no new start — an intent already recorded and sent again, or an execute phase (the coordinator performs
/// approved effects itself) — which always goes and never counts.
/// </summary>
internal readonly record struct FairShareEntry(int Index, Priority Priority, string? Client, bool Exempt = false);
