using BusinessOps.Core.Kpis.Snapshots;

namespace BusinessOps.Core.Policies;

/// <summary>
/// <c>policies/alerts.yml</c>: who is told when something goes wrong (<see cref="OnCall"/>, mentioned in the alert
/// comment), the KPI <see cref="Targets"/>, which <see cref="Rules"/> raise alerts, where alerts are also delivered, and
/// the pinned dashboard. The shipped file names <see cref="Placeholder"/>, which <c>policies validate</c> warns about.
/// </summary>
public sealed record AlertsPolicy(IReadOnlyList<string> OnCall, KpiTargets Targets, AlertRules Rules, AlertDelivery Delivery, DashboardSettings Dashboard)
{
    /// <summary>The on-call login the shipped policy names until someone sets a real one.</summary>
    public const string Placeholder = "your-on-call";

    public static AlertsPolicy Default { get; } = new([], KpiTargets.Default, AlertRules.Default, AlertDelivery.None, DashboardSettings.Default);

    /// <summary>True while the on-call list is empty or still names <see cref="Placeholder"/>.</summary>
    public bool OnCallUnset => OnCall.Count == 0 || OnCall.Any(o => string.Equals(o, Placeholder, StringComparison.OrdinalIgnoreCase));
}
