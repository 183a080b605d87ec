namespace BusinessOps.Agents.Analytics;

/// <summary>Daily business metrics from the attached CSV: the days in order, and per metric one value (or none) per day.</summary>
internal sealed record MetricTable(IReadOnlyList<DateOnly> Days, IReadOnlyDictionary<string, double?[]> Metrics)
{
    /// <summary>The value of <paramref name="metric"/> on <paramref name="day"/>, or null when the day or the value is missing.</summary>
    public double? On(string metric, DateOnly day)
    {
        for (var i = Days.Count - 1; i >= 0; i--)
        {
            if (Days[i] == day)
            {
                return Metrics.TryGetValue(metric, out var values) ? values[i] : null;
            }
        }

        return null;
    }

    public DateOnly Latest => Days[^1];
}
