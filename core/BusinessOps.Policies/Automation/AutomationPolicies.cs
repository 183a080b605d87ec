using BusinessOps.Automation.Clients;
using BusinessOps.Automation.Feeds;
using BusinessOps.Automation.Schedules;
using BusinessOps.Automation.Triggers;
using BusinessOps.Automation.Workflows;

namespace BusinessOps.Policies.Automation;

/// <summary>
/// Everything <c>schedules.yml</c>, <c>tenants.yml</c>, <c>triggers.yml</c> and <c>workflows/*.yml</c> say, validated:
/// schedules (per-client ones expanded, one per client), client profiles, threshold rules, feeds and workflows by name.
/// </summary>
public sealed record AutomationPolicies(
    IReadOnlyList<ScheduleDefinition> Schedules,
    ClientDirectory Clients,
    IReadOnlyList<ThresholdRule> Thresholds,
    IReadOnlyList<FeedDefinition> Feeds,
    IReadOnlyDictionary<string, WorkflowDefinition> Workflows)
{
    public static AutomationPolicies Empty { get; } = new([], ClientDirectory.Empty, [], [], new Dictionary<string, WorkflowDefinition>());
}
