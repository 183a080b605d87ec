namespace BusinessOps.Core.Kpis;

/// <summary>
/// What the pass observed that the issues alone do not say: each executor's runs (a failing executor) and the schedule
/// slots that were missed (empty until the schedule evaluator is wired into the pass).
/// </summary>
public sealed record AlertSignals(IReadOnlyDictionary<string, ExecutorRuns> Executors, IReadOnlyList<MissedSlot> MissedSlots)
{
    public static AlertSignals None { get; } = new(new Dictionary<string, ExecutorRuns>(), []);
}
