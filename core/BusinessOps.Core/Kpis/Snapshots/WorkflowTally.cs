namespace BusinessOps.Core.Kpis.Snapshots;

/// <summary>
/// Automatic runs in the period: issues a schedule slot or a workflow opened (<see cref="AutomationOrigin"/>), and how
/// many of them are done. <c>0 of 0</c> until schedules and workflows open issues; <see cref="MissedSlots"/> comes from
/// the schedule evaluator when it is wired (the alert hook <c>MissedSlot</c> takes the same facts).
/// </summary>
public sealed record WorkflowTally(int Scheduled, int Completed, int MissedSlots = 0)
{
    public static WorkflowTally None { get; } = new(0, 0);
}
