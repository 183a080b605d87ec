using BusinessOps.Automation.Issues;

namespace BusinessOps.Automation.Schedules;

/// <summary>
/// A slot to open now, with the issue its template renders (the slot key in its marker). When the schedule names a
/// <see cref="ScheduleDefinition.Workflow"/>, the caller starts that workflow with <see cref="SlotKey.Value"/> as
/// its start key instead of opening <see cref="Issue"/>.
/// </summary>
public sealed record DueSlot(SlotKey Key, DateTimeOffset Local, IssueSpec Issue, ScheduleDefinition Schedule);
