namespace BusinessOps.Agents.Architecture;

/// <summary>An option's weighted score (1–5 scale, weights normalized to sum 1) and rank (1 = best).</summary>
internal sealed record RankedOption(string Option, double Score, int Rank);
