namespace BusinessOps.Core.Agents.Rules;

/// <summary>A reason a task takes longer: its words and the points it adds.</summary>
public sealed record EstimateDriver(string Name, int Points, IReadOnlyList<string> Keywords);
