using System.Globalization;
using BusinessOps.Core.Agents.Rules;

namespace BusinessOps.Agents.Finance;

/// <summary>Pure invoice validation: line totals, subtotal, tax, stated total (± the policy's tolerance), dates, tax rate, terms, duplicates.</summary>
internal static class InvoiceValidator
{
    /// <param name="invoice">The parsed invoice.</param>
    /// <param name="today">The day the invoice was filed (the issue's creation date): due dates before it are in the past.</param>
    /// <param name="rules">Tolerance, tax and payment-term limits and approval tiers (<c>finance.yml</c>).</param>
    /// <param name="duplicateOf">Earlier issues that carry the same vendor and invoice number.</param>
    public static InvoiceReport Validate(InvoiceInput invoice, DateOnly today, FinanceRules rules, IReadOnlyList<int> duplicateOf)
    {
        var tolerance = rules.ToleranceUsd;
        var checks = new List<InvoiceCheck>();
        var badLines = invoice.Lines
            .Select((l, i) => (Line: l, Index: i + 1))
            .Where(x => x.Line.StatedLineTotal is { } stated && Math.Abs(stated - x.Line.Total) > tolerance)
            .Select(x => F($"line {x.Index} states {x.Line.StatedLineTotal:0.00}, {x.Line.Quantity:0.##} × {x.Line.UnitPrice:0.00} = {x.Line.Total:0.00}"))
            .ToList();
        checks.Add(new("line-totals", badLines.Count == 0, badLines.Count == 0 ? F($"{invoice.Lines.Count} line(s): quantity × unit price agree") : string.Join("; ", badLines)));

        var subtotal = invoice.Lines.Sum(l => l.Total);
        var tax = decimal.Round(subtotal * invoice.TaxRatePercent / 100m, 2, MidpointRounding.AwayFromZero);
        var total = subtotal + tax;
        var diff = invoice.StatedTotal - total;
        checks.Add(new("total", Math.Abs(diff) <= tolerance, Math.Abs(diff) <= tolerance
            ? F($"stated {invoice.StatedTotal:0.00} = subtotal {subtotal:0.00} + tax {tax:0.00}")
            : F($"stated {invoice.StatedTotal:0.00} but subtotal {subtotal:0.00} + tax {tax:0.00} ({invoice.TaxRatePercent:0.###} %) = {total:0.00}; difference {diff:+0.00;-0.00}")));

        checks.Add(new("due-after-invoice", invoice.DueDate > invoice.InvoiceDate,
            F($"invoice {invoice.InvoiceDate:yyyy-MM-dd}, due {invoice.DueDate:yyyy-MM-dd}")));
        checks.Add(new("due-not-past", invoice.DueDate >= today,
            invoice.DueDate >= today ? F($"due in {invoice.DueDate.DayNumber - today.DayNumber} day(s)") : F($"due date {invoice.DueDate:yyyy-MM-dd} is before {today:yyyy-MM-dd}, when the invoice was filed")));

        checks.Add(new("tax-rate", invoice.TaxRatePercent <= rules.MaxTaxRatePercent,
            F($"{invoice.TaxRatePercent:0.###} % (review above {rules.MaxTaxRatePercent:0.###} %)")));
        var term = invoice.DueDate.DayNumber - invoice.InvoiceDate.DayNumber;
        checks.Add(new("payment-terms", term <= rules.MaxPaymentTermDays, F($"{term} day(s) (policy: at most {rules.MaxPaymentTermDays})")));
        checks.Add(new("not-duplicate", duplicateOf.Count == 0, duplicateOf.Count == 0
            ? "no earlier issue has this vendor and invoice number"
            : F($"already filed as {string.Join(", ", duplicateOf.Select(n => F($"#{n}")))}: do not pay twice")));

        return new InvoiceReport(subtotal, tax, total, invoice.StatedTotal, checks, ApprovalRoute.For(invoice.StatedTotal, rules));
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
