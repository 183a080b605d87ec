using BusinessOps.Core.Agents.Rules;

namespace BusinessOps.Agents.Sales;

/// <summary>Pure pricing by <c>pricing.yml</c>: seats × the plan's per-seat price, less the annual discount when billed yearly, less the negotiated discount.</summary>
internal static class ProposalPricing
{
    public static ProposalQuote Quote(ProposalInput input, SalesRules rules)
    {
        var plan = rules.Plans.First(p => string.Equals(p.Name, input.Plan, StringComparison.OrdinalIgnoreCase));
        var list = Cents(plan.MonthlyUsdPerSeat * input.Seats);
        var annualOff = input.Annual ? Cents(list * rules.AnnualDiscount) : 0m;
        var discountOff = Cents((list - annualOff) * input.Discount);
        var net = list - annualOff - discountOff;
        var approver = input.Discount > rules.MaxDiscountWithoutApproval ? rules.DiscountApprover : null;
        return new ProposalQuote(plan, list, annualOff, discountOff, net, net * input.TermMonths, discountOff * input.TermMonths, approver);
    }

    private static decimal Cents(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);
}
