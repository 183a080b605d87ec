namespace BusinessOps.Agents.Analytics;

/// <summary>A day whose value lies <see cref="Z"/> standard deviations from the mean of the days before it.</summary>
internal sealed record MetricAnomaly(string Metric, DateOnly Day, double Value, double Mean, double Z);
