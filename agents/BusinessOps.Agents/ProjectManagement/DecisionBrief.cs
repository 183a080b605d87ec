using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BusinessOps.Agents.Prose;
using BusinessOps.Agents.Sdk;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core.Agents.Rules;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.ProjectManagement;

/// <summary>
/// The decision brief for an L3 item (a form with <c>Options</c>): each option scored on the criteria of
/// <c>delivery.yml</c> (financial 0.4, strategic 0.3, risk 0.2, feasibility 0.1), scenarios of its return, a
/// recommendation with its confidence band, the steps and the success metrics, opened by a summary paragraph (drafted by
/// the language model when one is configured; the scores, scenarios, recommendation and confidence never come from it).
/// A person decides: the outcome is a decision.
/// </summary>
internal static class DecisionBrief
{
    private const string LineFormat = "one option per line: `name | financial | strategic | risk | feasibility | cost USD | yearly benefit USD` (scores 0–10, risk 10 = safest)";

    public static async Task<AgentResult> RunAsync(AgentContext context, DeliveryRules rules, ProseDrafter drafter, CancellationToken cancellationToken)
    {
        var decision = context.Form.Required("Decision", "the decision to make, in one sentence").Trim();
        var options = FormValues.Lines(context.Form.Required("Options", LineFormat)).Select(l => Parse(l, rules)).ToList();
        if (options.Count is < 2 or > 10)
        {
            throw IssueForm.Invalid("Options", "between 2 and 10 options, " + LineFormat, options.Count.ToString(CultureInfo.InvariantCulture) + " option(s)");
        }

        var ranked = options.Select(o => (Option: o, Score: Math.Round(o.Weighted(rules.DecisionWeights), 2))).OrderByDescending(o => o.Score).ToList();
        var (best, runnerUp) = (ranked[0], ranked[1]);

        // A clear winner is a sure recommendation: the margin over the runner-up, as a share of the winner's score.
        var confidence = Math.Round(Math.Clamp(0.5 + ((best.Score - runnerUp.Score) / Math.Max(best.Score, 0.1)), 0.3, 0.95), 2);
        var band = confidence > rules.HighConfidence ? "high" : confidence >= rules.MediumConfidence ? "medium" : "low";
        var scenarios = rules.ScenarioFactors.ToDictionary(f => f.Key, f => Roi(best.Option, f.Value));
        var payback = best.Option.BenefitUsd > 0 ? decimal.Round(best.Option.CostUsd / (best.Option.BenefitUsd / 12m), 1) : (decimal?)null;

        var steps = new[] { "Confirm the budget and the owner", $"Pilot {best.Option.Name} with one team for 30 days", "Review the pilot against the success metrics", "Roll out, or fall back to " + runnerUp.Option.Name };
        var metrics = new[] { Inv($"Realistic ROI of {scenarios.GetValueOrDefault("realistic"):P0} within 12 months"), payback is { } p ? Inv($"Payback within {p} months") : "Payback: no benefit stated" };
        var prose = await drafter.DraftAsync(
            context.Policies.LanguageModel,
            "You are a chief of staff. Write a short executive summary (at most 120 words) of this decision brief for the person who decides: the recommendation, why it leads, what the scenarios mean and how sure the analysis is. Keep every figure exactly as given.",
            Facts(decision, ranked, band, confidence, scenarios, payback, steps),
            Summary(ranked, band, confidence, scenarios, payback),
            cancellationToken).ConfigureAwait(false);

        var plan = new StringBuilder(Inv($"**Decision:** {MarkdownSafe.Inline(decision, 300)}\n\n**Summary:** {MarkdownSafe.Inline(prose.Text, 1_500)}\n\n| Option | {string.Join(" | ", rules.DecisionWeights.Select(w => Inv($"{w.Key} ({w.Value:0.##})")))} | Weighted |\n|---|{string.Concat(rules.DecisionWeights.Select(_ => "---:|"))}---:|\n"));
        foreach (var (o, score) in ranked)
        {
            plan.Append(Inv($"| {MarkdownSafe.Cell(o.Name, 60)} | {string.Join(" | ", rules.DecisionWeights.Keys.Select(k => o.Scores.GetValueOrDefault(k).ToString("0.#", CultureInfo.InvariantCulture)))} | **{score:0.00}** |\n"));
        }

        plan.Append(Inv($"\n**Recommendation:** {MarkdownSafe.Inline(best.Option.Name, 60)} — confidence {confidence:P0} ({band}).\n\n| Scenario | Yearly benefit | ROI |\n|---|---:|---:|\n"));
        foreach (var (name, factor) in rules.ScenarioFactors)
        {
            plan.Append(Inv($"| {name} (× {factor:0.##}) | ${best.Option.BenefitUsd * (decimal)factor:N0} | {scenarios[name]:P0} |\n"));
        }

        plan.Append("\n**Steps:**\n").AppendJoin(string.Empty, steps.Select((s, i) => Inv($"{i + 1}. {MarkdownSafe.Inline(s, 200)}\n")));
        plan.Append("\n**Success metrics:**\n").AppendJoin(string.Empty, metrics.Select(m => $"- {m}\n"));

        var outputs = new JsonObject
        {
            ["decision"] = decision,
            ["recommendation"] = best.Option.Name,
            ["confidence"] = confidence,
            ["confidenceBand"] = band,
            ["ranking"] = new JsonArray([.. ranked.Select(r => (JsonNode)new JsonObject { ["option"] = r.Option.Name, ["score"] = r.Score })]),
            ["scenarios"] = new JsonObject([.. scenarios.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)Math.Round(s.Value, 4)))]),
            ["paybackMonths"] = payback,
            ["steps"] = new JsonArray([.. steps.Select(s => (JsonNode)s)]),
            ["successMetrics"] = new JsonArray([.. metrics.Select(m => (JsonNode)m)]),
            ["briefSummary"] = prose.Text,
            ["summaryFromModel"] = prose.FromModel,
        };
        var summary = Inv($"Decision brief: recommend {best.Option.Name} ({best.Score:0.00} vs {runnerUp.Option.Name} {runnerUp.Score:0.00}), confidence {confidence:P0} ({band}). A person decides.");
        var classification = new Classification(Impact.High, Complexity.Strategic, Reversibility.DifficultToReverse, Stakeholders.Internal, best.Option.CostUsd);
        List<string> actions = [Inv($"Decide between {string.Join(", ", ranked.Select(r => r.Option.Name))}: /approve the recommendation or comment your choice.")];
        if (prose.Note is { } note)
        {
            actions.Add("Note: " + note);
        }

        return ResultFactory.Create(context, AgentOutcome.NeedsDecision, summary, plan.ToString(), actions, outputs, classification, confidence, prose.CostUsd);
    }

    /// <summary>The standard summary paragraph, and what the model gets when it is configured; both from the computed figures only.</summary>
    private static string Summary(List<(DecisionOption Option, double Score)> ranked, string band, double confidence, Dictionary<string, double> scenarios, decimal? payback)
    {
        var (best, runnerUp) = (ranked[0], ranked[1]);
        var returns = scenarios.TryGetValue("realistic", out var realistic)
            ? Inv($" In the realistic scenario it returns {realistic:P0} on its ${best.Option.CostUsd:N0} cost{(payback is { } p ? Inv($" and pays back in {p} months") : string.Empty)}.")
            : string.Empty;
        return Inv($"{best.Option.Name} is recommended: it scores {best.Score:0.00} on the weighted criteria against {runnerUp.Score:0.00} for {runnerUp.Option.Name}, the runner-up.{returns} Confidence is {band} ({confidence:P0}); a 30-day pilot with one team tests it before the rollout, with {runnerUp.Option.Name} as the fallback.");
    }

    private static string Facts(string decision, List<(DecisionOption Option, double Score)> ranked, string band, double confidence, Dictionary<string, double> scenarios, decimal? payback, IEnumerable<string> steps) =>
        new StringBuilder(Inv($"Decision: {decision}\nOptions ranked by weighted score (0–10):\n"))
            .AppendJoin(string.Empty, ranked.Select(r => Inv($"- {r.Option.Name}: {r.Score:0.00}; cost ${r.Option.CostUsd:N0}; expected yearly benefit ${r.Option.BenefitUsd:N0}\n")))
            .Append(Inv($"Recommendation: {ranked[0].Option.Name}, confidence {confidence:P0} ({band}).\nReturn on investment of the recommendation by scenario: "))
            .AppendJoin("; ", scenarios.Select(s => Inv($"{s.Key} {s.Value:P0}")))
            .Append(payback is { } p ? Inv($".\nPayback: {p} months.") : ".\nPayback: no benefit stated.")
            .Append("\nSteps: ").AppendJoin("; ", steps).Append('.')
            .ToString();

    private static double Roi(DecisionOption o, double factor) => o.CostUsd == 0 ? 0 : (double)(((o.BenefitUsd * (decimal)factor) - o.CostUsd) / o.CostUsd);

    private static DecisionOption Parse(string line, DeliveryRules rules)
    {
        var parts = line.Trim('|').Split('|').Select(p => p.Trim()).ToArray();
        var criteria = rules.DecisionWeights.Keys.ToList();
        if (parts.Length != criteria.Count + 3 || parts[0].Length == 0)
        {
            throw IssueForm.Invalid("Options", LineFormat, line);
        }

        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < criteria.Count; i++)
        {
            scores[criteria[i]] = FormValues.TryDecimal(parts[i + 1], out var v) && v is >= 0 and <= 10 ? (double)v : throw IssueForm.Invalid("Options", LineFormat, line);
        }

        return FormValues.TryDecimal(parts[^2], out var cost) && cost >= 0 && FormValues.TryDecimal(parts[^1], out var benefit) && benefit >= 0
            ? new DecisionOption(parts[0], scores, cost, benefit)
            : throw IssueForm.Invalid("Options", LineFormat, line);
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
