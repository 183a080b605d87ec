namespace BusinessOps.Core.Kpis.Snapshots;

/// <summary>One UTC day of the period: issues count on the day they were done, else the day they were first acted on.</summary>
public sealed record DaySlice(DateOnly Day, KpiSlice Values);
