namespace BusinessOps.Automation.Schedules;

/// <summary>
/// What earlier passes left behind: per schedule, the newest slot already considered (<see cref="Cursors"/>,
/// kept in the automation ledger), and the slot issues the caller has read (at least the open ones).
/// Either alone is enough to never open a slot twice; the cursor also remembers slots skipped or dropped.
/// </summary>
public sealed record ScheduleHistory(IReadOnlyDictionary<string, DateTimeOffset> Cursors, IReadOnlyList<ExistingSlot> Existing)
{
    public static ScheduleHistory Empty { get; } = new(new Dictionary<string, DateTimeOffset>(), []);
}
