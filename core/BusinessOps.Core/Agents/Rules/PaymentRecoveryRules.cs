namespace BusinessOps.Core.Agents.Rules;

/// <summary>Payment recovery: the retry schedule with its messages, grace-period restrictions and when a human takes over.</summary>
public sealed record PaymentRecoveryRules
{
    public IReadOnlyList<RetryStep> Retries { get; init; } =
    [
        new(1, "Hi {{ customer }}, your payment of {{ amount }} did not go through. We will retry automatically today; no action is needed if your card is up to date."),
        new(3, "Hi {{ customer }}, we still could not collect {{ amount }}. Please update your payment method to avoid any interruption."),
        new(7, "Hi {{ customer }}, final notice: {{ amount }} is unpaid after 7 days and your account is suspended until the payment method is updated."),
    ];

    /// <summary>Restrictions by days since the failure, ascending.</summary>
    public IReadOnlyList<GraceRestriction> Restrictions { get; init; } = [new(0, "none"), new(4, "rate-limited"), new(7, "suspended")];

    /// <summary>Decline codes retrying cannot fix: a human contacts the customer.</summary>
    public IReadOnlyList<string> HardDeclines { get; init; } = ["stolen-card", "lost-card", "fraudulent", "invalid-account", "do-not-honor", "closed-account"];

    /// <summary>Decline codes that mean the customer disputes the charge.</summary>
    public IReadOnlyList<string> Disputes { get; init; } = ["dispute", "chargeback"];

    /// <summary>Amounts above this escalate.</summary>
    public decimal EscalateAboveUsd { get; init; } = 1_000m;

    /// <summary>Client plans (tenant attribute <c>plan</c>) that escalate.</summary>
    public IReadOnlyList<string> EscalatePlans { get; init; } = ["enterprise"];

    /// <summary>This many consecutive failures escalate.</summary>
    public int EscalateAfterConsecutiveFailures { get; init; } = 3;
}
