using BusinessOps.Core.Policies;
using BusinessOps.Policies.Automation;

namespace BusinessOps.Coordinator.Hosting;

/// <summary>One policy folder, validated: what <c>Decide</c> applies and what the automation runs.</summary>
public sealed record LoadedPolicies(PolicySet Policies, AutomationPolicies Automation);
