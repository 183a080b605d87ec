using System.Text.Json.Nodes;
using BusinessOps.Agents.Sdk;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Support;

/// <summary>ai-support-agent: ticket triage into category, subcategory and severity.</summary>
public sealed class SupportAgent : IAgent
{
    public string Name => AgentNames.Support;

    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var description = context.Form.Required("Description", "what happened, in the customer's words");
        var customer = context.Form.Optional("Customer").Trim();
        var area = context.Form.Optional("Product area").Trim();
        var t = TicketClassifier.Classify(context.Issue.Title + "\n" + description, area);
        var who = customer.Length > 0 ? customer : "the customer";
        var summary = $"Ticket from {who}: {t.Category}/{t.Subcategory}, severity {t.Severity}.";
        var response = t.Severity switch { "critical" => "1 hour", "high" => "4 hours", "medium" => "1 business day", _ => "3 business days" };
        var outputs = new JsonObject
        {
            ["category"] = t.Category,
            ["subcategory"] = t.Subcategory,
            ["severity"] = t.Severity,
            ["customer"] = customer.Length > 0 ? customer : null,
            ["productArea"] = area.Length > 0 ? area : null,
            ["responseTarget"] = response,
            ["evidence"] = new JsonArray([.. t.Evidence.Select(e => (JsonNode)e)]),
        };
        var queue = t.Category switch { "billing" => "billing team", "technical" => "tier-2 engineering", "feature" => "product management", _ => "tier-1 support" };
        var actions = new List<string> { $"Assign to the {queue} queue.", $"Respond to {who} within {response}." };
        if (t.Severity == "critical")
        {
            actions.Insert(0, "Page the on-call engineer and open an incident.");
        }

        var classification = new Classification(t.Severity == "critical" ? Impact.High : t.Severity == "high" ? Impact.Medium : Impact.Low, Complexity.Simple, Reversibility.EasilyReversible, Stakeholders.CustomerFacing, 0m);
        return Task.FromResult(ResultFactory.Create(context, AgentOutcome.Completed, summary, null, actions, outputs, classification, t.Confidence));
    }
}
