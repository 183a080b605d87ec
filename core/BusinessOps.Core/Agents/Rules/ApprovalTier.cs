namespace BusinessOps.Core.Agents.Rules;

/// <summary>Amounts below <see cref="BelowUsd"/> (null: any amount) are approved by <see cref="Approver"/> (null: automatic).</summary>
public sealed record ApprovalTier(string Tier, decimal? BelowUsd, string? Approver);
