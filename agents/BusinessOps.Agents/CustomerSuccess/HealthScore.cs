namespace BusinessOps.Agents.CustomerSuccess;

/// <summary>Pure health scoring: Σ weight × metric (each 0–100), rounded to one decimal.</summary>
internal static class HealthScore
{
    public static (double Score, HealthBand Band, IReadOnlyDictionary<string, double> Groups) Compute(IReadOnlyDictionary<string, double> metrics)
    {
        var score = Math.Round(HealthMetric.All.Sum(m => m.Weight * metrics[m.Field]), 1, MidpointRounding.AwayFromZero);
        var groups = HealthMetric.All.GroupBy(m => m.Group).ToDictionary(
            g => g.Key,
            g => Math.Round(g.Sum(m => m.Weight * metrics[m.Field]) / g.Sum(m => m.Weight), 1, MidpointRounding.AwayFromZero));
        return (score, HealthBand.For(score), groups);
    }
}
