namespace BusinessOps.Core.Agents.Rules;

/// <summary>What happens on <see cref="Day"/> of onboarding; <see cref="Milestone"/> is what the customer should have reached by then (null: none).</summary>
public sealed record OnboardingStep(int Day, string Action, string? Milestone);
