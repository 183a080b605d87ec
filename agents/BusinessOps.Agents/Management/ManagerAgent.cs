using System.Text.Json.Nodes;
using BusinessOps.Agents.Sdk;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Management;

/// <summary>
/// ai-manager-agent: suggests a routing label and priority from the request text (falls back to the title), scored
/// with <c>routing.yml</c>'s triage keywords, and points out open issues with a similar title (possible duplicates).
/// </summary>
public sealed class ManagerAgent : IAgent
{
    /// <summary>What approval releases: the suggested routing label (when one matched) and priority on the triaged issue.</summary>
    private static Effect Labels(int issue, TriageSuggestion s)
    {
        var parameters = new JsonObject { ["priority"] = s.Priority };
        if (s.Label is not null)
        {
            parameters["add"] = new JsonArray(s.Label);
        }

        return Effect.Create(EffectKinds.GitHubLabels, "#" + issue.ToString(System.Globalization.CultureInfo.InvariantCulture), parameters);
    }

    public string Name => AgentNames.Manager;

    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var request = context.Form.Optional("Request");
        if (string.IsNullOrWhiteSpace(request))
        {
            request = context.Issue.Title;
        }

        if (string.IsNullOrWhiteSpace(request))
        {
            throw new BadInputException("Field `Request` is required: describe what you need (free text); the title is empty too.");
        }

        var text = context.Issue.Title + "\n" + request;
        var s = Triage.Suggest(text, context.Policies.Triage ?? []);
        var duplicates = DuplicateFinder.Find(context.Issue.Title, context.Issues?.Items ?? []);
        var summary = s.Label is null
            ? $"Could not match a routing family; suggest priority/{s.Priority} and human triage."
            : $"Route to `{s.Label}` ({s.Agent}) with priority/{s.Priority} (confidence {s.Confidence:0.00}; matched {string.Join(", ", s.RoutingHits)}).";
        if (duplicates.Count > 0)
        {
            summary += $" Possible duplicate of {string.Join(", ", duplicates.Select(d => "#" + d.Number))}.";
        }
        var outputs = new JsonObject
        {
            ["suggestedLabel"] = s.Label,
            ["suggestedAgent"] = s.Agent,
            ["suggestedPriority"] = "priority/" + s.Priority,
            ["confidence"] = s.Confidence,
            ["matched"] = new JsonArray([.. s.RoutingHits.Select(h => (JsonNode)h)]),
            ["priorityMatched"] = new JsonArray([.. s.PriorityHits.Select(h => (JsonNode)h)]),
            ["scores"] = new JsonObject(s.Scores.Where(kv => kv.Value > 0).Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
            ["possibleDuplicates"] = new JsonArray([.. duplicates.Select(d => (JsonNode)new JsonObject { ["number"] = d.Number, ["title"] = d.Title, ["similarity"] = d.Similarity })]),
            ["comparedWith"] = context.Issues?.Items.Count ?? 0,
        };
        var actions = s.Label is null
            ? new List<string> { "Ask the filer which team should handle this.", $"Add priority/{s.Priority}." }
            : [$"Add label {s.Label}.", $"Add priority/{s.Priority}."];
        actions.InsertRange(0, duplicates.Select(d => $"Check whether #{d.Number} already covers this (similar title, {d.Similarity:P0})."));
        var classification = new Classification(s.Priority == "P0" ? Impact.High : Impact.Low, Complexity.Simple, Reversibility.EasilyReversible, Stakeholders.Internal, 0m);
        var result = ResultFactory.Create(context, AgentOutcome.Completed, summary, null, actions, outputs, classification, s.Confidence);
        return Task.FromResult(result with { Effects = [Labels(context.Issue.Number, s)] });
    }
}
