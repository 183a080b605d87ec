using BusinessOps.Core.Agents.Rules;

namespace BusinessOps.Agents.Analytics;

/// <summary>
/// Pure analysis of a <see cref="MetricTable"/>: each metric's latest value against the day before, a week and a month
/// earlier (calendar days: a missing day has no comparison) and its target; anomalies by z-score — a day whose value is
/// at least <see cref="AnalyticsRules.AnomalyZ"/> population standard deviations from the mean of up to
/// <see cref="Window"/> earlier values, given at least <see cref="AnalyticsRules.AnomalyMinHistory"/> of them. A change
/// from a perfectly flat history is an anomaly too (infinite z).
/// </summary>
internal static class MetricAnalyzer
{
    public const int Window = 30;

    public static (IReadOnlyList<MetricView> Views, IReadOnlyList<MetricAnomaly> Anomalies) Analyze(MetricTable table, AnalyticsRules rules)
    {
        var latest = table.Latest;
        var views = new List<MetricView>();
        var anomalies = new List<MetricAnomaly>();
        foreach (var (name, values) in table.Metrics)
        {
            var zs = ZScores(table.Days, values, rules);
            anomalies.AddRange(zs.Where(z => Math.Abs(z.Z) >= rules.AnomalyZ).Select(z => new MetricAnomaly(name, z.Day, z.Value, z.Mean, z.Z)));
            var latestZ = zs.FirstOrDefault(z => z.Day == latest);
            views.Add(new MetricView(
                name,
                values[^1],
                table.On(name, latest.AddDays(-1)),
                table.On(name, latest.AddDays(-7)),
                table.On(name, latest.AddMonths(-1)),
                rules.Targets.FirstOrDefault(t => string.Equals(t.Metric, name, StringComparison.OrdinalIgnoreCase)),
                latestZ == default ? null : latestZ.Z));
        }

        return (views, anomalies.OrderByDescending(a => a.Day).ThenByDescending(a => Math.Abs(a.Z)).ToList());
    }

    private static List<(DateOnly Day, double Value, double Mean, double Z)> ZScores(IReadOnlyList<DateOnly> days, double?[] values, AnalyticsRules rules)
    {
        var result = new List<(DateOnly, double, double, double)>();
        var history = new List<double>();
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is not { } v)
            {
                continue;
            }

            if (history.Count >= rules.AnomalyMinHistory)
            {
                var window = history.Count > Window ? history.GetRange(history.Count - Window, Window) : history;
                var mean = window.Average();
                var sd = Math.Sqrt(window.Sum(x => (x - mean) * (x - mean)) / window.Count);
                var z = sd > 1e-12 ? (v - mean) / sd : Math.Abs(v - mean) < 1e-12 ? 0 : Math.CopySign(double.PositiveInfinity, v - mean);
                result.Add((days[i], v, mean, z));
            }

            history.Add(v);
        }

        return result;
    }
}
