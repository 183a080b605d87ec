using BusinessOps.Core.Results;

namespace BusinessOps.Core.Policies;

/// <summary><c>policies/autonomy.yml</c>: mode, level rules, overrides, switched-off domains, risk controls.</summary>
public sealed record AutonomyPolicy(
    AutonomyMode Mode,
    L1Rule L1,
    L3Rule L3,
    IReadOnlyList<AutonomyOverride> Overrides,
    IReadOnlyList<string> DisabledAgents,
    RiskControls Risk)
{
    public static AutonomyPolicy Default { get; } = new(
        AutonomyMode.SemiAuto,
        new L1Rule(Impact.Low, Complexity.Simple, Reversibility.EasilyReversible, 1000m),
        new L3Rule(Impact.Critical, Complexity.Strategic, Reversibility.Irreversible, 10000m),
        [],
        [],
        RiskControls.Default);
}

/// <summary><c>manual</c>: everything needs approval; <c>semi-auto</c>: by level; <c>full-auto</c>: L1 and L2 run, L3 recommends.</summary>
public enum AutonomyMode
{
    Manual,
    SemiAuto,
    FullAuto,
}

/// <summary>L1 execute &amp; report, L2 execute with approval, L3 decision support only.</summary>
public enum AutonomyLevel
{
    L1 = 1,
    L2 = 2,
    L3 = 3,
}

/// <summary>L1 when ALL hold: impact ≤, complexity ≤, reversibility ≤, financial impact &lt; <see cref="FinancialBelowUsd"/>.</summary>
public sealed record L1Rule(Impact MaxImpact, Complexity MaxComplexity, Reversibility MaxReversibility, decimal FinancialBelowUsd);

/// <summary>L3 when ANY holds: impact ≥, complexity ≥, reversibility ≥, financial impact &gt; <see cref="FinancialAboveUsd"/>.</summary>
public sealed record L3Rule(Impact MinImpact, Complexity MinComplexity, Reversibility MinReversibility, decimal FinancialAboveUsd);

/// <summary>Forces a level for an agent and/or an operation (routing label). Both null never occurs after validation.</summary>
public sealed record AutonomyOverride(string? Agent, string? Operation, AutonomyLevel Level);

/// <summary>Spending and confidence guards; a review sample chosen by a deterministic hash.</summary>
public sealed record RiskControls(
    decimal DailySpendLimitUsd,
    decimal DailySpendLimitPerClientUsd,
    decimal ApprovalThresholdUsd,
    double ConfidenceThreshold,
    double ReviewSampleRate)
{
    public static RiskControls Default { get; } = new(50m, 20m, 5m, 0.6, 0.05);
}
