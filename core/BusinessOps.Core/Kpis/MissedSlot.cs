namespace BusinessOps.Core.Kpis;

/// <summary>
/// A schedule slot whose issue was not opened in time: the hook the schedule evaluator feeds (<see cref="AlertSignals"/>)
/// once schedules are wired into the pass. <see cref="Schedule"/> is the schedule's id in <c>schedules.yml</c>.
/// </summary>
public sealed record MissedSlot(string Schedule, DateTimeOffset Slot);
