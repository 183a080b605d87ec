namespace BusinessOps.Agents.Analytics;

/// <summary>KPIs over a period: overall, by agent, by priority.</summary>
internal sealed record KpiReport(
    int PeriodDays,
    KpiBucket Overall,
    double ThroughputPerDay,
    IReadOnlyDictionary<string, KpiBucket> ByAgent,
    IReadOnlyDictionary<string, KpiBucket> ByPriority);
