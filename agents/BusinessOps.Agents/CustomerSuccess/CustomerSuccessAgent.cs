using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Agents.Sdk;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.CustomerSuccess;

/// <summary>ai-customer-success-agent: weighted health score and the band's intervention.</summary>
public sealed class CustomerSuccessAgent : IAgent
{
    public string Name => AgentNames.CustomerSuccess;

    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var customer = context.Form.Required("Customer", "the customer's name").Trim();
        var metrics = HealthMetric.All.ToDictionary(
            m => m.Field,
            m => (double)context.Form.RequiredDecimal(m.Field, "a number from 0 to 100", 0m, 100m));
        var (score, band, groups) = HealthScore.Compute(metrics);
        var weakest = HealthMetric.All.OrderBy(m => metrics[m.Field]).ThenByDescending(m => m.Weight).Take(2).ToList();

        var summary = string.Create(CultureInfo.InvariantCulture, $"{customer}: health score {score:0.0}/100 — {band.Name} band. {band.Intervention}");
        var outputs = new JsonObject
        {
            ["customer"] = customer,
            ["score"] = score,
            ["band"] = band.Name,
            ["intervention"] = band.Intervention,
            ["usage"] = groups["usage"],
            ["engagement"] = groups["engagement"],
            ["commercial"] = groups["commercial"],
            ["weakest"] = new JsonArray([.. weakest.Select(m => (JsonNode)m.Field)]),
        };
        var plan = "| Metric | Value | Weight | Contribution |\n|---|---:|---:|---:|\n" + string.Concat(HealthMetric.All.Select(m =>
            string.Create(CultureInfo.InvariantCulture, $"| {m.Field} | {metrics[m.Field]:0.#} | {m.Weight:0.00} | {m.Weight * metrics[m.Field]:0.00} |\n")))
            + string.Create(CultureInfo.InvariantCulture, $"| **Health score** | | 1.00 | **{score:0.0}** |\n");
        var actions = new List<string> { band.Intervention };
        actions.AddRange(weakest.Select(m => string.Create(CultureInfo.InvariantCulture, $"Improve {m.Field.ToLowerInvariant()} (currently {metrics[m.Field]:0.#}).")));

        var impact = band.Min switch { 0 => Impact.High, 30 => Impact.Medium, _ => Impact.Low };
        var classification = new Classification(impact, Complexity.Simple, Reversibility.EasilyReversible, Stakeholders.CustomerFacing, 0m);
        return Task.FromResult(ResultFactory.Create(context, AgentOutcome.Completed, summary, plan, actions, outputs, classification, 0.9));
    }
}
