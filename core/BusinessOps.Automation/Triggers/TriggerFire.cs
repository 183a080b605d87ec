using BusinessOps.Automation.Issues;

namespace BusinessOps.Automation.Triggers;

/// <summary>A rule that tripped: its cooldown key, the values that tripped it, and the follow-up issue to open.</summary>
public sealed record TriggerFire(ThresholdRule Rule, string Key, double Value, double? Previous, IssueSpec Issue);
