using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Agents.Sdk;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Sales;

/// <summary>ai-sales-agent: BANT lead score 0–100, grade A–D and next action.</summary>
public sealed class SalesAgent : IAgent
{
    public string Name => AgentNames.Sales;

    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var f = context.Form;
        var lead = new LeadInput(
            f.Required("Company", "the prospect's company name").Trim(),
            f.RequiredDecimal("Budget", "the budget in USD, e.g. 50000", 0m, 10_000_000_000m),
            f.RequiredChoice("Authority", LeadScorer.Authorities),
            f.RequiredChoice("Need", LeadScorer.Needs),
            f.RequiredChoice("Timing", LeadScorer.Timings));
        var s = LeadScorer.Score(lead);
        var summary = string.Create(CultureInfo.InvariantCulture, $"{lead.Company}: lead score {s.Total}/100, grade {s.Grade}. {s.NextAction}");
        var outputs = new JsonObject
        {
            ["company"] = lead.Company,
            ["score"] = s.Total,
            ["grade"] = s.Grade,
            ["budgetPoints"] = s.Budget,
            ["authorityPoints"] = s.Authority,
            ["needPoints"] = s.Need,
            ["timingPoints"] = s.Timing,
            ["nextAction"] = s.NextAction,
        };
        var plan = string.Create(CultureInfo.InvariantCulture,
            $"| Dimension | Input | Points |\n|---|---|---:|\n| Budget | ${lead.BudgetUsd:N0} | {s.Budget} |\n| Authority | {lead.Authority} | {s.Authority} |\n| Need | {lead.Need} | {s.Need} |\n| Timing | {lead.Timing} | {s.Timing} |\n| **Total** | grade {s.Grade} | **{s.Total}** |\n");

        // Unknowns in the input make the score less trustworthy, not lower-stakes.
        var unknowns = (lead.Authority == "unknown" ? 1 : 0) + (lead.Timing == "unknown" ? 1 : 0);
        var classification = new Classification(Impact.Low, Complexity.Simple, Reversibility.EasilyReversible, Stakeholders.External, 0m);
        return Task.FromResult(ResultFactory.Create(context, AgentOutcome.Completed, summary, plan, [s.NextAction], outputs, classification, 0.85 - (0.15 * unknowns)));
    }
}
