using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;

namespace BusinessOps.Coordinator.Tests.Reconcile;

/// <summary>Agent answers for <see cref="ScriptedExecutor"/>: what a plan run prints (an approved plan's effects are performed by the coordinator, not by an agent).</summary>
internal static partial class Plans
{
    /// <summary>Routine read-only work: completes, cheap and confident (L1: executes and reports).</summary>
    public static AgentResult Routine(DispatchRequest r) => Result(r, AgentOutcome.Completed, Classification.Routine, cost: 0.01m);

    /// <summary>A plan that asks for a human approval, with the given classification and cost.</summary>
    public static AgentResult NeedsApproval(DispatchRequest r, Classification classification, decimal cost = 0.01m) =>
        Result(r, AgentOutcome.NeedsApproval, classification, cost, "Pay " + Amount(r.Issue.Body), plan: "1. Pay the invoice of " + Amount(r.Issue.Body) + ".") with { Effects = [Paid(r)] };

    /// <summary>What approving <see cref="NeedsApproval"/> releases: a comment on the issue saying it was paid (the store can perform it).</summary>
    public static Effect Paid(DispatchRequest r) =>
        Effect.Create(EffectKinds.GitHubComment, "#" + r.Issue.Number.ToString(CultureInfo.InvariantCulture), new JsonObject { ["body"] = "Paid " + Amount(r.Issue.Body) + "." });

    /// <summary>An invoice plan: the amount from the body's <c>Amount: $N</c> line sets the financial impact.</summary>
    public static AgentResult Invoice(DispatchRequest r)
    {
        var usd = decimal.Parse(Amount(r.Issue.Body).TrimStart('$').Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
        var classification = new Classification(Impact.Medium, Complexity.Moderate, Reversibility.Reversible, Stakeholders.Internal, usd);
        return NeedsApproval(r, classification);
    }

    public static AgentResult Result(DispatchRequest r, AgentOutcome outcome, Classification classification, decimal cost, string summary = "did the work", string? plan = null, double confidence = 0.9) => new()
    {
        Agent = r.Agent,
        Issue = r.Issue.Number,
        Key = r.Key,
        Outcome = outcome,
        Summary = summary,
        Plan = plan,
        Classification = classification,
        Confidence = confidence,
        CostUsd = cost,
    };

    private static string Amount(string body) => AmountPattern().Match(body) is { Success: true } m ? m.Groups[1].Value : "$0";

    [GeneratedRegex(@"Amount: (\$[0-9,]+)")]
    private static partial Regex AmountPattern();
}
