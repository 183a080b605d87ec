namespace BusinessOps.Automation.Schedules;

/// <summary>An open slot issue to close because a newer slot of its schedule opens (overlap <c>supersede</c>).</summary>
public sealed record SupersededSlot(ExistingSlot Older, SlotKey By);
