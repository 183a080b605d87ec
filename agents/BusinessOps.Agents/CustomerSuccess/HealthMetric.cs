namespace BusinessOps.Agents.CustomerSuccess;

/// <summary>One weighted health metric: its form field name, group, and weight (weights sum to 1).</summary>
internal sealed record HealthMetric(string Field, string Group, double Weight)
{
    /// <summary>Usage .25/.15/.10, engagement .15/.10/.10, commercial .10/.05.</summary>
    public static IReadOnlyList<HealthMetric> All { get; } =
    [
        new("Active usage", "usage", 0.25),
        new("Feature adoption", "usage", 0.15),
        new("Login frequency", "usage", 0.10),
        new("Support health", "engagement", 0.15),
        new("Training completion", "engagement", 0.10),
        new("Survey score", "engagement", 0.10),
        new("Payment health", "commercial", 0.10),
        new("Contract growth", "commercial", 0.05),
    ];
}
