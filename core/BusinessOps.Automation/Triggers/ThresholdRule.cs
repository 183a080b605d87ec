using BusinessOps.Automation.Issues;

namespace BusinessOps.Automation.Triggers;

/// <summary>
/// One rule of <c>policies/triggers.yml</c>: when <see cref="When"/> holds on a result of <see cref="WatchAgent"/>
/// (any agent when null), open the <see cref="FollowUp"/> issue — at most once per client per <see cref="Cooldown"/> window.
/// </summary>
public sealed record ThresholdRule(string Id, string? WatchAgent, ThresholdCondition When, TimeSpan Cooldown, IssueTemplate FollowUp);
