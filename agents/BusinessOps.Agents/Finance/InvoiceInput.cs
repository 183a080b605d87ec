namespace BusinessOps.Agents.Finance;

/// <summary>The fields of a <c>finance/analysis</c> invoice form.</summary>
internal sealed record InvoiceInput(
    string Vendor,
    string InvoiceNumber,
    DateOnly InvoiceDate,
    DateOnly DueDate,
    IReadOnlyList<InvoiceLine> Lines,
    decimal TaxRatePercent,
    decimal StatedTotal);
