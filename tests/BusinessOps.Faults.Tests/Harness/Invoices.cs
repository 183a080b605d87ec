using System.Globalization;
using System.Text.RegularExpressions;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;

namespace BusinessOps.Faults.Tests.Harness;

/// <summary>
/// What the finance agent prints for an invoice: a plan to pay the body's <c>Amount: $N</c> that needs an approval (its
/// financial impact is that amount), and on execute, "Executed: $N" — so a test sees which input was executed.
/// </summary>
internal static partial class Invoices
{
    public static AgentResult Answer(DispatchRequest request)
    {
        var amount = AmountPattern().Match(request.Issue.Body) is { Success: true } m ? m.Groups[1].Value : "$0";
        var usd = decimal.Parse(amount.TrimStart('$').Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
        var execute = request.Phase == IdempotencyKey.ExecutePhase;
        return new AgentResult
        {
            Agent = request.Agent,
            Issue = request.Issue.Number,
            Key = request.Key,
            Outcome = execute ? AgentOutcome.Completed : AgentOutcome.NeedsApproval,
            Summary = (execute ? "Executed: " : "Pay ") + amount,
            Plan = execute ? null : "1. Pay the invoice of " + amount + ".",
            Classification = new Classification(Impact.Medium, Complexity.Moderate, Reversibility.Reversible, Stakeholders.Internal, usd),
            Confidence = 0.9,
            CostUsd = 0.01m,
        };
    }

    [GeneratedRegex(@"Amount: (\$[0-9,]+)")]
    private static partial Regex AmountPattern();
}
