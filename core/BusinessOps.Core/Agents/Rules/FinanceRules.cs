namespace BusinessOps.Core.Agents.Rules;

/// <summary><c>policies/finance.yml</c>: invoice approval tiers and checks, payment recovery, budget thresholds.</summary>
public sealed record FinanceRules
{
    public static FinanceRules Default { get; } = new();

    /// <summary>Ascending; the first tier whose bound the amount is below applies, the last has no bound.</summary>
    public IReadOnlyList<ApprovalTier> ApprovalTiers { get; init; } =
    [
        new("auto", 1_000m, null),
        new("finance-manager", 5_000m, "finance-manager"),
        new("cfo", 25_000m, "cfo"),
        new("board", null, "board"),
    ];

    /// <summary>Stated and computed totals may differ by this much (rounding).</summary>
    public decimal ToleranceUsd { get; init; } = 0.01m;

    /// <summary>Tax rates above this (percent) are flagged for review.</summary>
    public decimal MaxTaxRatePercent { get; init; } = 30m;

    /// <summary>Payment terms longer than this many days are flagged.</summary>
    public int MaxPaymentTermDays { get; init; } = 90;

    /// <summary>An invoice due within this many days is due soon.</summary>
    public int DueSoonDays { get; init; } = 7;

    public PaymentRecoveryRules Recovery { get; init; } = new();

    /// <summary>Spend at this share of a budget line warns.</summary>
    public double BudgetWarnAt { get; init; } = 0.90;

    /// <summary>Spend above this share of a budget line is over budget and needs approval.</summary>
    public double BudgetOverAt { get; init; } = 1.0;
}
