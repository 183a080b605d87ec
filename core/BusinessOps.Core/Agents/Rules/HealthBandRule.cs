namespace BusinessOps.Core.Agents.Rules;

/// <summary>
/// A health band from <see cref="Min"/> (inclusive) up to the next band, its intervention and the autonomy it runs at:
/// <c>L1</c> execute and report, <c>L2</c> with approval, <c>L3</c> decision support only. <see cref="ReviewWithinHours"/>:
/// a human reviews within that many hours (0: no review deadline).
/// </summary>
public sealed record HealthBandRule(string Name, double Min, string Autonomy, string Intervention, double ReviewWithinHours);
