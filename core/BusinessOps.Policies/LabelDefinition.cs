namespace BusinessOps.Policies;

/// <summary>A label <c>coordinator labels sync</c> creates: name, colour as 6 hex digits (no <c>#</c>), description ≤ 100 chars.</summary>
public sealed record LabelDefinition(string Name, string Color, string Description);
