using System.Globalization;
using System.Text.RegularExpressions;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;

namespace BusinessOps.Faults.Tests.Harness;

/// <summary>
/// What the finance agent prints for an invoice: a plan to pay the body's <c>Amount: $N</c> to its <c>Vendor:</c> that
/// needs an approval (its financial impact is that amount), carrying the one effect approval releases — the payment
/// instruction to the <c>payables</c> webhook — so a test sees at the receiver which input was paid. The execute phase
/// runs no agent: the coordinator performs the approved effect itself.
/// </summary>
internal static partial class Invoices
{
    /// <summary>The due date every instruction carries (fixed: the harness runs on a fake clock).</summary>
    public static readonly DateOnly DueDate = new(2026, 12, 1);

    public static AgentResult Answer(DispatchRequest request)
    {
        var amount = AmountPattern().Match(request.Issue.Body) is { Success: true } m ? m.Groups[1].Value : "$0";
        var vendor = VendorPattern().Match(request.Issue.Body) is { Success: true } v ? v.Groups[1].Value.Trim() : "unknown vendor";
        var usd = decimal.Parse(amount.TrimStart('$').Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
        var invoice = "INV-" + request.Issue.Number.ToString(CultureInfo.InvariantCulture);
        return new AgentResult
        {
            Agent = request.Agent,
            Issue = request.Issue.Number,
            Key = request.Key,
            Outcome = AgentOutcome.NeedsApproval,
            Summary = "Pay " + amount,
            Plan = "1. Pay the invoice of " + amount + ".",
            Classification = new Classification(Impact.Medium, Complexity.Moderate, Reversibility.Reversible, Stakeholders.Internal, usd),
            Confidence = 0.9,
            CostUsd = 0.01m,
            Effects = usd > 0m ? [new PaymentInstruction(vendor, usd, "USD", DueDate, invoice).ToEffect()] : [],
        };
    }

    [GeneratedRegex(@"Amount: (\$[0-9,]+)")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"Vendor: ([^\n]+)")]
    private static partial Regex VendorPattern();
}
