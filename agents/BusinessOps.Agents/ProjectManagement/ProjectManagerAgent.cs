using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BusinessOps.Agents.Sdk;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.ProjectManagement;

/// <summary>ai-project-manager-agent: oversight of escalated, breached and blocked issues among those the coordinator hands in; the decision brief for L3 items (a form with <c>Options</c>).</summary>
public sealed partial class ProjectManagerAgent : IAgent
{
    public string Name => AgentNames.ProjectManager;

    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        if (context.Form.Get("Options") is not null)
        {
            return Task.FromResult(DecisionBrief.Run(context, context.Policies.Rules?.Delivery ?? Core.Agents.Rules.DeliveryRules.Default));
        }

        var scope = Scope(context.Form);
        var set = context.Issues;
        var issues = set?.Items ?? [];
        var r = Oversight.Summarize(issues, scope, context.Now);
        var source = set is null ? "no issues (none were handed in: run it through the coordinator)"
            : $"{r.Examined} open issue(s) in scope {scope}" + (set.Scope == IssueDigestSet.AllScope ? string.Empty : $" (this run sees {set.Scope} only)")
              + (set.Omitted > 0 ? $", {set.Omitted} older issue(s) not handed in" : string.Empty);
        var summary = string.Create(CultureInfo.InvariantCulture, $"Oversight of {source}: {r.Escalated.Count} escalated, {r.Breached.Count} SLA-breached, {r.Blocked.Count} blocked.");
        static JsonArray List(IReadOnlyList<OversightItem> items) => new([.. items.Take(50).Select(i => (JsonNode)new JsonObject
        {
            ["number"] = i.Number,
            ["title"] = i.Title,
            ["reason"] = i.Reason,
            ["ageHours"] = i.AgeHours,
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
            ["escalated"] = List(r.Escalated),
            ["breached"] = List(r.Breached),
            ["blocked"] = List(r.Blocked),
        };
        var plan = new StringBuilder();
        foreach (var (title, items) in new[] { ("Escalated", r.Escalated), ("SLA breached", r.Breached), ("Blocked", r.Blocked) })
        {
            plan.Append("**").Append(title).Append("**\n\n");
            if (items.Count == 0)
            {
                plan.Append("none\n\n");
                continue;
            }

            foreach (var i in items.Take(30))
            {
                plan.Append(CultureInfo.InvariantCulture, $"- #{i.Number} {MarkdownSafe.Cell(i.Title, 80)} — {i.Reason}, idle {i.AgeHours:0.#} h\n");
            }

            plan.Append('\n');
        }

        var actions = r.Escalated.Select(i => $"Assign an owner to escalated #{i.Number}.")
            .Concat(r.Breached.Select(i => $"Notify the manager about the SLA breach on #{i.Number}."))
            .Concat(r.Blocked.Select(i => $"Unblock #{i.Number} ({i.Reason}).")).Distinct().Take(20).ToList();
        if (actions.Count == 0)
        {
            actions.Add("Nothing needs attention.");
        }

        var attention = r.Escalated.Count + r.Breached.Count;
        var classification = attention > 0 ? new Classification(Impact.Medium, Complexity.Simple, Reversibility.EasilyReversible, Stakeholders.Internal, 0m) : Classification.Routine;
        return Task.FromResult(ResultFactory.Create(context, AgentOutcome.Completed, summary, plan.ToString(), actions, outputs, classification, set is null ? 0.4 : set.Omitted > 0 ? 0.7 : 0.9, CostModel.PerIssueReadUsd * issues.Count));
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
