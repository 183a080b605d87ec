using BusinessOps.Core.Agents.Rules;

namespace BusinessOps.Agents.Finance;

/// <summary>Who must approve a payment: tier name and role (null role = automatic).</summary>
internal sealed record ApprovalRoute(string Tier, string? Role)
{
    /// <summary>The first tier of <c>finance.yml</c> whose bound the amount is below (defaults: &lt; $1,000 auto, &lt; $5,000 finance manager, &lt; $25,000 CFO, else the board).</summary>
    public static ApprovalRoute For(decimal amountUsd, FinanceRules? rules = null)
    {
        var tier = (rules ?? FinanceRules.Default).ApprovalTiers.First(t => t.BelowUsd is not { } below || amountUsd < below);
        return new(tier.Tier, tier.Approver);
    }
}
