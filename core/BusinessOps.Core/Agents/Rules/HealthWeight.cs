namespace BusinessOps.Core.Agents.Rules;

/// <summary>One weighted health metric: its form field, group and weight (the weights sum to 1).</summary>
public sealed record HealthWeight(string Field, string Group, double Weight);
