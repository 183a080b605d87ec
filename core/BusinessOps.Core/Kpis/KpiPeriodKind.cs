namespace BusinessOps.Core.Kpis;

/// <summary>The periods a report covers: the last 1, 7 or 30 days up to the moment it is made.</summary>
public enum KpiPeriodKind
{
    Day,
    Week,
    Month,
}
