namespace BusinessOps.Core.Agents.Rules;

/// <summary>
/// An onboarding segment and the bounds that select it (null: no bound); <see cref="PrimaryUse"/> selects it by the form's
/// primary use instead. Segments are tried in order; the last one without bounds is the fallback.
/// </summary>
public sealed record OnboardingSegment(string Name, int? MaxEmployees, int? MinEmployees, decimal? MaxMonthlyUsd, decimal? MinMonthlyUsd, string? PrimaryUse, IReadOnlyList<OnboardingStep> Sequence);
