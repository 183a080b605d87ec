using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Agents.Prose;
using BusinessOps.Agents.Rendering;
using BusinessOps.Agents.Sdk;
using BusinessOps.Core.Agents.Rules;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Sales;

/// <summary>
/// ai-sales-agent, by <c>pricing.yml</c>: BANT lead score 0–100, grade and next action; a proposal (a form with
/// <c>Plan</c>) with its pricing table, discount approval and the proposal email to the lead.
/// </summary>
public sealed class SalesAgent(ProseDrafter drafter) : IAgent
{
    public SalesAgent()
        : this(new ProseDrafter(LanguageModelEndpoint.FromEnvironment()))
    {
    }

    public string Name => AgentNames.Sales;

    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var rules = context.Policies.Rules?.Sales ?? SalesRules.Default;
        return context.Form.Get("Plan") is not null
            ? ProposalAgent.RunAsync(context, rules, drafter, cancellationToken)
            : Task.FromResult(Lead(context, rules));
    }

    private static AgentResult Lead(AgentContext context, SalesRules rules)
    {
        var f = context.Form;
        var lead = new LeadInput(
            f.Required("Company", "the prospect's company name").Trim(),
            f.RequiredDecimal("Budget", "the budget in USD, e.g. 50000", 0m, 10_000_000_000m),
            f.RequiredChoice("Authority", [.. rules.Authority.Keys]),
            f.RequiredChoice("Need", [.. rules.Need.Keys]),
            f.RequiredChoice("Timing", [.. rules.Timing.Keys]));
        var s = LeadScorer.Score(lead, rules);
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
        var comment = CommentRenderer.Render(context.Policies.Template, SalesTemplate.BuiltIn, new Dictionary<string, object?>
        {
            ["operation"] = "lead",
            ["company"] = lead.Company,
            ["budget"] = lead.BudgetUsd.ToString("$#,0", CultureInfo.InvariantCulture),
            ["authority"] = lead.Authority,
            ["need"] = lead.Need,
            ["timing"] = lead.Timing,
            ["budget_points"] = s.Budget,
            ["authority_points"] = s.Authority,
            ["need_points"] = s.Need,
            ["timing_points"] = s.Timing,
            ["score"] = s.Total,
            ["grade"] = s.Grade,
            ["next_action"] = s.NextAction,
        });
        var actions = new List<string> { s.NextAction };
        if (comment.Note is { } note)
        {
            actions.Add("Note: " + note);
        }

        // Unknowns in the input make the score less trustworthy, not lower-stakes.
        var unknowns = (lead.Authority == "unknown" ? 1 : 0) + (lead.Timing == "unknown" ? 1 : 0);
        var classification = new Classification(Impact.Low, Complexity.Simple, Reversibility.EasilyReversible, Stakeholders.External, 0m);
        return ResultFactory.Create(context, AgentOutcome.Completed, summary, comment.Text, actions, outputs, classification, 0.85 - (0.15 * unknowns));
    }
}
