namespace BusinessOps.Agents.Finance;

/// <summary>What invoice validation found.</summary>
internal sealed record InvoiceReport(
    decimal Subtotal,
    decimal Tax,
    decimal ComputedTotal,
    decimal StatedTotal,
    IReadOnlyList<InvoiceCheck> Checks,
    ApprovalRoute Route)
{
    public bool Valid => Checks.All(c => c.Passed);

    public decimal Difference => StatedTotal - ComputedTotal;
}
