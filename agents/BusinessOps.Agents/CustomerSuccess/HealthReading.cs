using BusinessOps.Core.Agents.Rules;

namespace BusinessOps.Agents.CustomerSuccess;

/// <summary>A health score: the weighted score before decay, the recency factor, the final score, its band, trend and group scores.</summary>
internal sealed record HealthReading(double Raw, double Recency, double Score, HealthBandRule Band, string Trend, IReadOnlyDictionary<string, double> Groups);
