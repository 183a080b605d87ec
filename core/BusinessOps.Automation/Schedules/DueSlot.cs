using BusinessOps.Automation.Issues;

namespace BusinessOps.Automation.Schedules;

/// <summary>A slot to open now, with the issue its template renders (the slot key in its marker).</summary>
public sealed record DueSlot(SlotKey Key, DateTimeOffset Local, IssueSpec Issue);
