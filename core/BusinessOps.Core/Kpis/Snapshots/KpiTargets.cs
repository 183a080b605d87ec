namespace BusinessOps.Core.Kpis.Snapshots;

/// <summary>
/// What good looks like: automation rate above <see cref="AutomationRate"/>, SLA compliance above
/// <see cref="SlaCompliance"/>, error rate below <see cref="ErrorRate"/> (fractions). Set in <c>policies/alerts.yml</c>
/// (<c>targets:</c>); these are the defaults.
/// </summary>
public sealed record KpiTargets(double AutomationRate = 0.95, double SlaCompliance = 0.99, double ErrorRate = 0.01)
{
    public static KpiTargets Default { get; } = new();
}
