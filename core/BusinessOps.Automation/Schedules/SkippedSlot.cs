namespace BusinessOps.Automation.Schedules;

/// <summary>A due slot not opened, and why (overlap <c>skip</c>, or too late under catch-up <c>none</c>/<c>all</c>).</summary>
public sealed record SkippedSlot(SlotKey Key, string Reason, int? BlockingIssue);
