namespace BusinessOps.Core.Results;

/// <summary>How risky a planned piece of work is; the autonomy level is derived from it by policy.</summary>
public sealed record Classification(
    Impact Impact,
    Complexity Complexity,
    Reversibility Reversibility,
    Stakeholders Stakeholders,
    decimal FinancialImpactUsd)
{
    /// <summary>The classification of routine, read-only analysis.</summary>
    public static Classification Routine { get; } = new(Impact.Low, Complexity.Simple, Reversibility.EasilyReversible, Stakeholders.Internal, 0m);
}

/// <summary>Serialized lower-case.</summary>
public enum Impact
{
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>Serialized lower-case.</summary>
public enum Complexity
{
    Simple,
    Moderate,
    Complex,
    Strategic,
}

/// <summary>Serialized snake_case: <c>easily_reversible</c>, <c>reversible</c>, <c>difficult_to_reverse</c>, <c>irreversible</c>.</summary>
public enum Reversibility
{
    EasilyReversible,
    Reversible,
    DifficultToReverse,
    Irreversible,
}

/// <summary>Serialized snake_case: <c>internal</c>, <c>customer_facing</c>, <c>external</c>, <c>public</c>.</summary>
public enum Stakeholders
{
    Internal,
    CustomerFacing,
    External,
    Public,
}
