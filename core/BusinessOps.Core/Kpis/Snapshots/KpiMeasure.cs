namespace BusinessOps.Core.Kpis.Snapshots;

/// <summary>
/// One headline KPI against its target: <see cref="Met"/> is null when there was nothing to measure. <see cref="Above"/>:
/// the target is a floor (automation, SLA) rather than a ceiling (errors).
/// </summary>
public sealed record KpiMeasure(string Name, string Label, double? Value, double Target, bool Above)
{
    public bool? Met => Value is { } v ? (Above ? v > Target : v < Target) : null;
}
