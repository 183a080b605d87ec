namespace BusinessOps.Core.Agents.Rules;

/// <summary>
/// A reason a task takes longer: its words and the points it adds. <see cref="Floor"/>: the least story points (tests
/// excluded) a feature whose sentence or criteria mention the driver is estimated at, so "SSO" in a feature with thin
/// criteria is never a 1-point job (0: no floor).
/// </summary>
public sealed record EstimateDriver(string Name, int Points, IReadOnlyList<string> Keywords)
{
    public int Floor { get; init; }
}
