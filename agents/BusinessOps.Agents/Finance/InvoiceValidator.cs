using System.Globalization;

namespace BusinessOps.Agents.Finance;

/// <summary>Pure invoice validation: line totals, subtotal, tax, stated total (±$0.01), dates.</summary>
internal static class InvoiceValidator
{
    /// <summary>Rounding tolerance: invoices are stated in cents.</summary>
    public const decimal Tolerance = 0.01m;

    /// <param name="invoice">The parsed invoice.</param>
    /// <param name="today">The day the invoice was filed (the creation date): due dates before it are in the past.</param>
    public static InvoiceReport Validate(InvoiceInput invoice, DateOnly today)
    {
        var checks = new List<InvoiceCheck>();
        var badLines = invoice.Lines
            .Select((l, i) => (Line: l, Index: i + 1))
            .Where(x => x.Line.StatedLineTotal is { } stated && Math.Abs(stated - x.Line.Total) > Tolerance)
            .Select(x => F($"line {x.Index} states {x.Line.StatedLineTotal:0.00}, {x.Line.Quantity:0.##} × {x.Line.UnitPrice:0.00} = {x.Line.Total:0.00}"))
            .ToList();
        checks.Add(new("line-totals", badLines.Count == 0, badLines.Count == 0 ? F($"{invoice.Lines.Count} line(s): quantity × unit price agree") : string.Join("; ", badLines)));

        var subtotal = invoice.Lines.Sum(l => l.Total);
        var tax = decimal.Round(subtotal * invoice.TaxRatePercent / 100m, 2, MidpointRounding.AwayFromZero);
        var total = subtotal + tax;
        var diff = invoice.StatedTotal - total;
        checks.Add(new("total", Math.Abs(diff) <= Tolerance, Math.Abs(diff) <= Tolerance
            ? F($"stated {invoice.StatedTotal:0.00} = subtotal {subtotal:0.00} + tax {tax:0.00}")
            : F($"stated {invoice.StatedTotal:0.00} but subtotal {subtotal:0.00} + tax {tax:0.00} ({invoice.TaxRatePercent:0.###} %) = {total:0.00}; difference {diff:+0.00;-0.00}")));

        checks.Add(new("due-after-invoice", invoice.DueDate > invoice.InvoiceDate,
            F($"invoice {invoice.InvoiceDate:yyyy-MM-dd}, due {invoice.DueDate:yyyy-MM-dd}")));
        checks.Add(new("due-not-past", invoice.DueDate >= today,
            invoice.DueDate >= today ? F($"due in {invoice.DueDate.DayNumber - today.DayNumber} day(s)") : F($"due date {invoice.DueDate:yyyy-MM-dd} is before {today:yyyy-MM-dd}, when the invoice was filed")));

        return new InvoiceReport(subtotal, tax, total, invoice.StatedTotal, checks, ApprovalRoute.For(invoice.StatedTotal));
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
