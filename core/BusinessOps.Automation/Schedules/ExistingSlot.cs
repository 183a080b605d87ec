namespace BusinessOps.Automation.Schedules;

/// <summary>An issue that already carries a slot key (read from its marker by the caller), open or closed.</summary>
public sealed record ExistingSlot(SlotKey Key, int Issue, bool IsOpen);
