using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BusinessOps.Agents.Prose;
using BusinessOps.Agents.Rendering;
using BusinessOps.Agents.Sdk;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.ProjectManagement;

/// <summary>ai-project-manager-agent: oversight of escalated, breached, blocked and waiting issues among those the coordinator hands in, each with its owner and next action, and the workload per agent (posted where <c>delivery.yml</c>'s <c>oversightTo</c> says); the decision brief for L3 items (a form with <c>Options</c>).</summary>
public sealed partial class ProjectManagerAgent(ProseDrafter drafter) : IAgent
{
    public ProjectManagerAgent()
        : this(new ProseDrafter(LanguageModelEndpoint.FromEnvironment()))
    {
    }

    public string Name => AgentNames.ProjectManager;

    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        if (context.Form.Get("Options") is not null)
        {
            return DecisionBrief.RunAsync(context, context.Policies.Rules?.Delivery ?? Core.Agents.Rules.DeliveryRules.Default, drafter, cancellationToken);
        }

        var scope = Scope(context.Form);
        var rules = context.Policies?.Rules?.Delivery ?? Core.Agents.Rules.DeliveryRules.Default;
        var set = context.Issues;
        var issues = set?.Items ?? [];
        var r = Oversight.Summarize(issues, scope, context.Now, rules.Owners);
        var source = set is null ? "no issues (none were handed in: run it through the coordinator)"
            : $"{r.Examined} open issue(s) in scope {scope}" + (set.Scope == IssueDigestSet.AllScope ? string.Empty : $" (this run sees {set.Scope} only)")
              + (set.Omitted > 0 ? $", {set.Omitted} older issue(s) not handed in" : string.Empty);
        var summary = string.Create(CultureInfo.InvariantCulture, $"Oversight of {source}: {r.Escalated.Count} escalated, {r.Breached.Count} SLA-breached, {r.Blocked.Count} blocked, {r.Waiting.Count} waiting.");
        static JsonArray List(IReadOnlyList<OversightItem> items) => new([.. items.Take(50).Select(i => (JsonNode)new JsonObject
        {
            ["number"] = i.Number,
            ["title"] = i.Title,
            ["reason"] = i.Reason,
            ["ageHours"] = i.AgeHours,
            ["agent"] = i.Agent,
            ["owner"] = i.Owner,
            ["nextAction"] = i.NextAction,
        })]);
        var outputs = new JsonObject
        {
            ["scope"] = scope,
            ["usedContext"] = set is not null,
            ["omitted"] = set?.Omitted ?? 0,
            ["examined"] = r.Examined,
            ["escalatedCount"] = r.Escalated.Count,
            ["breachedCount"] = r.Breached.Count,
            ["blockedCount"] = r.Blocked.Count,
            ["waitingCount"] = r.Waiting.Count,
            ["escalated"] = List(r.Escalated),
            ["breached"] = List(r.Breached),
            ["blocked"] = List(r.Blocked),
            ["waiting"] = List(r.Waiting),
            ["workload"] = new JsonArray([.. r.Workload.Select(w => (JsonNode)new JsonObject
            {
                ["agent"] = w.Agent,
                ["owner"] = w.Owner,
                ["open"] = w.Open,
                ["active"] = w.Active,
                ["waiting"] = w.Waiting,
                ["blocked"] = w.Blocked,
                ["breached"] = w.Breached,
            })]),
        };

        static object? Items(IReadOnlyList<OversightItem> items) => items.Take(30).Select(i => (object?)new Dictionary<string, object?>
        {
            ["number"] = i.Number,
            ["title"] = i.Title.Length > 80 ? i.Title[..80] + "…" : i.Title,
            ["reason"] = i.Reason,
            ["idle"] = i.AgeHours.ToString("0.# 'h'", CultureInfo.InvariantCulture),
            ["owner"] = i.Owner,
            ["next"] = i.NextAction,
        }).ToList();
        var comment = CommentRenderer.Render(context.Policies?.Template, OversightTemplate.BuiltIn, new Dictionary<string, object?>
        {
            ["scope"] = scope,
            ["source"] = char.ToUpperInvariant(source[0]) + source[1..] + ".",
            ["sections"] = new[] { ("Escalated", r.Escalated), ("SLA breached", r.Breached), ("Blocked", r.Blocked), ("Waiting for a person", r.Waiting) }
                .Select(s => (object?)new Dictionary<string, object?> { ["title"] = s.Item1, ["items"] = Items(s.Item2) }).ToList(),
            ["workload"] = r.Workload.Select(w => (object?)new Dictionary<string, object?>
            {
                ["agent"] = w.Agent,
                ["owner"] = w.Owner,
                ["open"] = w.Open,
                ["active"] = w.Active,
                ["waiting"] = w.Waiting,
                ["blocked"] = w.Blocked,
                ["breached"] = w.Breached,
            }).ToList(),
        });

        var actions = r.Escalated.Concat(r.Breached).Concat(r.Blocked).Concat(r.Waiting)
            .Select(i => $"{i.Owner}: {i.NextAction} (#{i.Number}, {i.Reason}).").Distinct().Take(20).ToList();
        if (actions.Count == 0)
        {
            actions.Add("Nothing needs attention.");
        }

        if (comment.Note is { } note)
        {
            actions.Add("Note: " + note);
        }

        var attention = r.Escalated.Count + r.Breached.Count;
        var classification = attention > 0 ? new Classification(Impact.Medium, Complexity.Simple, Reversibility.EasilyReversible, Stakeholders.Internal, 0m) : Classification.Routine;
        var result = ResultFactory.Create(context, AgentOutcome.Completed, summary, comment.Text, actions, outputs, classification, set is null ? 0.4 : set.Omitted > 0 ? 0.7 : 0.9, CostModel.PerIssueReadUsd * issues.Count);
        return Task.FromResult(BriefingPost.For(rules.OversightTo, comment.Text, context.Issue.Number) is { } post ? result with { Effects = [post] } : result);
    }

    private static string Scope(IssueForm form)
    {
        var raw = form.Optional("Scope").Trim().ToLowerInvariant();
        if (raw.Length == 0 || raw == "all")
        {
            return "all";
        }

        return ClientLabel().IsMatch(raw) ? raw : throw IssueForm.Invalid("Scope", "`all` or a client label such as `client/acme`", raw);
    }

    [GeneratedRegex(@"^client/[a-z0-9][a-z0-9._-]{0,49}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ClientLabel();
}
