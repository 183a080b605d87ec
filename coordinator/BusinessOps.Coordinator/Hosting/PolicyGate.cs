using BusinessOps.Core.Policies;
using BusinessOps.Policies;
using BusinessOps.Policies.Automation;

namespace BusinessOps.Coordinator.Hosting;

/// <summary>Loads policies (and <c>connectors.yml</c>) and refuses to go on when they are invalid: every error is printed, nothing is acted on.</summary>
public static class PolicyGate
{
    public static PolicySet? Load(string? requested, TextWriter error) => LoadAll(requested, error)?.Policies;

    /// <summary>
    /// The policies and the automation policies (schedules, triggers, workflows, tenants) of one folder; null when either
    /// has errors. With tenants configured, <see cref="PolicySet.Clients"/> holds their profiles.
    /// </summary>
    public static LoadedPolicies? LoadAll(string? requested, TextWriter error)
    {
        var dir = PolicyPaths.Resolve(requested);
        var result = PolicyLoader.LoadFromOption(requested);
        foreach (var warning in result.Warnings)
        {
            error.WriteLine("warning: " + warning);
        }

        var automation = AutomationPolicyLoader.Load(dir);
        var errors = result.Errors.Concat(automation.Errors).ToList();
        if (result.Policies is null || errors.Count > 0 || !automation.IsValid)
        {
            foreach (var e in errors)
            {
                error.WriteLine(e.ToString());
            }

            error.WriteLine($"{errors.Count} policy error(s) in {dir}: fix them (coordinator policies validate --policies {dir}); nothing was done.");
            return null;
        }

        // connectors.yml is loaded on its own: Decide reads the effect kinds' impact and readiness from it.
        var connectors = PolicyLoader.LoadConnectors(dir, allowMissingDirectory: !PolicyPaths.IsGiven(requested));
        if (connectors.Policy is null || connectors.Errors.Count > 0)
        {
            foreach (var e in connectors.Errors)
            {
                error.WriteLine(e.ToString());
            }

            error.WriteLine($"{connectors.Errors.Count} error(s) in {Path.Combine(dir, PolicyFileNames.Connectors)}: fix them (coordinator policies validate --policies {dir}); nothing was done.");
            return null;
        }

        var policies = automation.Policies.HasTenants ? result.Policies with { Clients = automation.Policies.Clients.ForAgents() } : result.Policies;

        // alerts.yml's targets reach the analytics agent too; its errors are reported by the report, status and dashboard that read it.
        var alerts = PolicyLoader.LoadAlerts(dir, allowMissingDirectory: !PolicyPaths.IsGiven(requested));
        var targets = alerts.IsValid ? alerts.Policy.Targets : policies.KpiTargets;
        return new LoadedPolicies(policies with { Connectors = connectors.Policy, KpiTargets = targets }, automation.Policies);
    }
}
