using BusinessOps.Core.Agents.Rules;

namespace BusinessOps.Agents.Finance;

/// <summary>
/// Payment recovery by <c>finance.yml</c>: the retry schedule from the failure day, today's grace restriction, and why a
/// person must take over (hard decline, dispute, amount above the limit, enterprise account, consecutive failures).
/// </summary>
internal static class PaymentRecovery
{
    public static (IReadOnlyList<(RetryStep Step, DateOnly Date, bool Done)> Retries, GraceRestriction Restriction, IReadOnlyList<string> Escalations) Plan(
        DateOnly failedOn, DateOnly today, decimal amountUsd, string declineCode, string plan, int consecutiveFailures, PaymentRecoveryRules rules)
    {
        var day = Math.Max(0, today.DayNumber - failedOn.DayNumber);
        var retries = rules.Retries.Select(r => (r, failedOn.AddDays(r.Day), r.Day < day)).ToList();
        var restriction = rules.Restrictions.Last(r => r.FromDay <= day);
        var code = Code(declineCode);
        var reasons = new List<string>();
        if (rules.HardDeclines.Any(c => Code(c) == code))
        {
            reasons.Add($"hard decline ({code}): retrying cannot succeed");
        }

        if (rules.Disputes.Any(c => Code(c) == code))
        {
            reasons.Add("the customer disputes the charge");
        }

        if (amountUsd > rules.EscalateAboveUsd)
        {
            reasons.Add(FormattableString.Invariant($"amount ${amountUsd:N2} is above ${rules.EscalateAboveUsd:N0}"));
        }

        if (rules.EscalatePlans.Contains(plan.Trim().ToLowerInvariant()))
        {
            reasons.Add("enterprise account");
        }

        if (consecutiveFailures >= rules.EscalateAfterConsecutiveFailures)
        {
            reasons.Add(FormattableString.Invariant($"{consecutiveFailures} consecutive failures"));
        }

        return (retries, restriction, reasons);
    }

    /// <summary>
    /// A decline code in one spelling: processors write <c>stolen_card</c> (Stripe) or <c>Stolen card</c>, the policy
    /// <c>stolen-card</c>; lower case with underscores and spaces as hyphens, so every spelling meets the same rule.
    /// </summary>
    public static string Code(string declineCode) =>
        string.Join('-', declineCode.Trim().ToLowerInvariant().Split(['_', ' ', '-'], StringSplitOptions.RemoveEmptyEntries));
}
