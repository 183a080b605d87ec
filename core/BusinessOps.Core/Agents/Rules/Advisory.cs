namespace BusinessOps.Core.Agents.Rules;

/// <summary>
/// A known-vulnerable package (<c>policies/advisories.yml</c>): versions at least <see cref="Introduced"/> (null: any)
/// and below <see cref="Fixed"/> (null: no fix yet) of <see cref="Package"/> in <see cref="Ecosystem"/> (<c>nuget</c>, <c>npm</c>).
/// </summary>
public sealed record Advisory(string Id, string Ecosystem, string Package, string? Introduced, string? Fixed, string Severity, string Summary);
