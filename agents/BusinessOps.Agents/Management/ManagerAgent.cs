using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Agents.Rendering;
using BusinessOps.Agents.Sdk;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core.Agents.Rules;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Management;

/// <summary>
/// ai-manager-agent: suggests a routing label and priority from the request text (falls back to the title), scored
/// with <c>routing.yml</c>'s triage keywords; points out open issues with similar text (possible duplicates) and open
/// issues without activity beyond <c>manager.yml</c>'s threshold (stale).
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

    // The comment and outputs list the longest-idle ones; the count says how many there are.
    private const int MaxStaleShown = 20;

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
        var rules = context.Policies.Rules?.Manager ?? ManagerRules.Default;
        // The coordinator leaves the issue itself out of the digests; a context built elsewhere may not, and an issue is
        // neither a duplicate of itself nor stale while it is being triaged.
        var others = (context.Issues?.Items ?? []).Where(i => i.Number != context.Issue.Number).ToList();
        var duplicates = DuplicateFinder.Find(context.Issue.Title, request, others, rules.DuplicateSimilarity);
        var stale = StaleFinder.Find(others, context.Now, rules.StaleAfterDays);
        var summary = s.Label is null
            ? $"Could not match a routing family; suggest priority/{s.Priority} and human triage."
            : $"Route to `{s.Label}` ({s.Agent}) with priority/{s.Priority} (confidence {s.Confidence:0.00}; matched {string.Join(", ", s.RoutingHits)}).";
        if (duplicates.Count > 0)
        {
            summary += $" Possible duplicate of {string.Join(", ", duplicates.Select(d => "#" + d.Number))}.";
        }

        if (stale.Count > 0)
        {
            summary += string.Create(CultureInfo.InvariantCulture, $" {stale.Count} stale issue(s) idle {rules.StaleAfterDays:0.#}+ days.");
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
            ["comparedWith"] = others.Count,
            ["staleAfterDays"] = rules.StaleAfterDays,
            ["stale"] = new JsonArray([.. stale.Take(MaxStaleShown).Select(x => (JsonNode)new JsonObject { ["number"] = x.Number, ["title"] = x.Title, ["idleDays"] = x.IdleDays, ["status"] = x.Status, ["agent"] = x.Agent })]),
            ["staleCount"] = stale.Count,
        };
        var actions = s.Label is null
            ? new List<string> { "Ask the filer which team should handle this.", $"Add priority/{s.Priority}." }
            : [$"Add label {s.Label}.", $"Add priority/{s.Priority}."];
        actions.InsertRange(0, duplicates.Select(d => string.Create(CultureInfo.InvariantCulture, $"Check whether #{d.Number} already covers this ({d.Similarity:P0} similar).")));
        actions.AddRange(stale.Take(5).Select(x => string.Create(CultureInfo.InvariantCulture, $"Ping the owner of #{x.Number} (idle {x.IdleDays} days, {x.Status}) or close it.")));
        var comment = CommentRenderer.Render(context.Policies.Template, ManagerTemplate.BuiltIn, new Dictionary<string, object?>
        {
            ["label"] = s.Label ?? string.Empty,
            ["agent"] = s.Agent ?? string.Empty,
            ["priority"] = s.Priority,
            ["confidence"] = s.Confidence.ToString("0.00", CultureInfo.InvariantCulture),
            ["duplicates"] = duplicates.Select(d => (object?)new Dictionary<string, object?> { ["number"] = d.Number, ["title"] = d.Title, ["similarity"] = d.Similarity.ToString("P0", CultureInfo.InvariantCulture) }).ToList(),
            ["stale_after_days"] = rules.StaleAfterDays,
            ["stale"] = stale.Take(MaxStaleShown).Select(x => (object?)new Dictionary<string, object?> { ["number"] = x.Number, ["title"] = x.Title, ["idle_days"] = x.IdleDays, ["status"] = x.Status, ["agent"] = x.Agent }).ToList(),
            ["stale_more"] = Math.Max(0, stale.Count - MaxStaleShown),
        });
        if (comment.Note is { } note)
        {
            actions.Add("Note: " + note);
        }

        var classification = new Classification(s.Priority == "P0" ? Impact.High : Impact.Low, Complexity.Simple, Reversibility.EasilyReversible, Stakeholders.Internal, 0m);
        var result = ResultFactory.Create(context, AgentOutcome.Completed, summary, comment.Text, actions, outputs, classification, s.Confidence);
        return Task.FromResult(result with { Effects = [Labels(context.Issue.Number, s)] });
    }
}
