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

    /// <summary>True when <c>tenants.yml</c> exists: <c>client/*</c> labels are then checked against its profiles.</summary>
    public bool HasTenants { get; init; }

    /// <summary>True when there is anything for a reconcile pass to run (a schedule, a trigger, a feed or a workflow).</summary>
    public bool IsIdle => Schedules.Count == 0 && Thresholds.Count == 0 && Feeds.Count == 0 && Workflows.Count == 0;
}
