namespace BusinessOps.Core.Agents.Rules;

/// <summary>A value at least <see cref="Min"/> scores <see cref="Points"/> (bands in descending order).</summary>
public sealed record ScoreBand(double Min, int Points);
