namespace BusinessOps.Automation.Schedules;

/// <summary>
/// The outcome of one evaluation: issues to open, open issues to close (superseded, or duplicates of a slot
/// that two overlapping runs both opened), slots skipped, and the cursors to store for the next pass.
/// </summary>
public sealed record ScheduleEvaluation(
    IReadOnlyList<DueSlot> Open,
    IReadOnlyList<SupersededSlot> Supersede,
    IReadOnlyList<ExistingSlot> Duplicates,
    IReadOnlyList<SkippedSlot> Skipped,
    IReadOnlyDictionary<string, DateTimeOffset> Cursors);
