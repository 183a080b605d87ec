using BusinessOps.Core.Agents.Rules;

namespace BusinessOps.Agents.Sales;

/// <summary>
/// The pricing table of a proposal, in USD rounded to cents: list price per month, the annual-billing discount, the
/// negotiated discount (taken after the annual one), the net monthly price and the total over the term.
/// <see cref="Approver"/> is set when the negotiated discount is above what policy allows without approval.
/// </summary>
internal sealed record ProposalQuote(PricePlan Plan, decimal ListMonthly, decimal AnnualOff, decimal DiscountOff, decimal NetMonthly, decimal TermTotal, decimal DiscountOverTerm, string? Approver)
{
    /// <summary>The share of the list price the customer does not pay (both discounts together).</summary>
    public decimal EffectiveDiscount => ListMonthly == 0m ? 0m : decimal.Round(1m - (NetMonthly / ListMonthly), 4);
}
