using BusinessOps.Core.Decisions;

namespace BusinessOps.Coordinator.Reconcile;

/// <summary>What applying one issue's actions came to: the dispatch to start, or <see cref="IsLost"/> when another pass wrote first.</summary>
internal sealed record Applied(bool IsLost, DispatchAgent? Dispatch)
{
    public static Applied Lost { get; } = new(true, null);
}
