namespace BusinessOps.Agents.Finance;

/// <summary>One invoice line: <c>description | quantity | unit price [| line total]</c>.</summary>
internal sealed record InvoiceLine(string Description, decimal Quantity, decimal UnitPrice, decimal? StatedLineTotal)
{
    public decimal Total => decimal.Round(Quantity * UnitPrice, 2, MidpointRounding.AwayFromZero);
}
