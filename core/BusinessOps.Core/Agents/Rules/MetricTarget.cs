namespace BusinessOps.Core.Agents.Rules;

/// <summary>The target of a business metric (a CSV column); <see cref="HigherIsBetter"/> says which side misses it.</summary>
public sealed record MetricTarget(string Metric, double Target, bool HigherIsBetter);
