using BusinessOps.Core.Agents.Rules;

namespace BusinessOps.Agents.CustomerSuccess;

/// <summary>
/// Pure health scoring by <c>customer-success.yml</c>: Σ weight × metric (each 0–100); then recency decay — after the
/// grace days without activity the score halves every half-life, never below the floor share of itself; the band is the
/// first whose min the decayed score reaches; the trend compares with the previous score.
/// </summary>
internal static class HealthScore
{
    public static HealthReading Compute(IReadOnlyDictionary<string, double> metrics, double? daysInactive, double? previous, CustomerSuccessRules rules)
    {
        var raw = rules.Weights.Sum(m => m.Weight * metrics[m.Field]);
        var decay = Decay(daysInactive ?? 0, rules);
        var score = Math.Round(raw * decay, 1, MidpointRounding.AwayFromZero);
        var groups = rules.Weights.GroupBy(m => m.Group).ToDictionary(
            g => g.Key,
            g => Math.Round(g.Sum(m => m.Weight * metrics[m.Field]) / g.Sum(m => m.Weight), 1, MidpointRounding.AwayFromZero));
        var trend = previous is not { } p ? "unknown" : score - p >= rules.TrendPoints ? "improving" : p - score >= rules.TrendPoints ? "declining" : "stable";
        var band = rules.Bands.First(b => score >= b.Min);
        return new HealthReading(Math.Round(raw, 1, MidpointRounding.AwayFromZero), Math.Round(decay, 3), score, band, trend, groups);
    }

    public static double Decay(double daysInactive, CustomerSuccessRules rules) =>
        daysInactive <= rules.RecencyGraceDays ? 1 : Math.Max(rules.RecencyFloor, Math.Pow(0.5, (daysInactive - rules.RecencyGraceDays) / rules.RecencyHalfLifeDays));
}
