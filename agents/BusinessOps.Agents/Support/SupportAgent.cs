using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Agents.Prose;
using BusinessOps.Agents.Rendering;
using BusinessOps.Agents.Sdk;
using BusinessOps.Core.Agents.Rules;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Support;

/// <summary>
/// ai-support-agent: triage by <c>support.yml</c> (category, subcategory, severity, queue), immediate escalation for
/// security concerns, data loss, outages and enterprise customers, an answer from the knowledge base (BM25, sources
/// cited; drafted by the language model when one is configured), auto-resolution where policy allows, and the
/// time-based escalation schedule.
/// </summary>
public sealed class SupportAgent(ProseDrafter drafter) : IAgent
{
    public SupportAgent()
        : this(new ProseDrafter(LanguageModelEndpoint.FromEnvironment()))
    {
    }

    public string Name => AgentNames.Support;

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var rules = context.Policies.Rules?.Support ?? SupportRules.Default;
        var description = context.Form.Required("Description", "what happened, in the customer's words");
        var customer = context.Form.Optional("Customer").Trim();
        var area = context.Form.Optional("Product area").Trim();
        var email = SupportReply.Email(context.Form);
        var plan = context.Client?.Attributes.GetValueOrDefault("plan") ?? context.Form.Optional("Plan").Trim();
        var enterprise = rules.EnterprisePlans.Contains(plan.ToLowerInvariant());
        var text = context.Issue.Title + "\n" + description;
        var t = TicketClassifier.Classify(text, area, enterprise, rules);
        var who = customer.Length > 0 ? customer : "the customer";
        var hours = rules.ResponseHours.GetValueOrDefault(t.Severity, 24);
        var response = hours < 24 ? string.Create(CultureInfo.InvariantCulture, $"{hours:0.#} hour{(hours == 1 ? string.Empty : "s")}") : string.Create(CultureInfo.InvariantCulture, $"{hours / 24:0.#} day{(hours == 24 ? string.Empty : "s")}");

        var answer = AnswerDrafter.Draft(t, context.Policies.Knowledge ?? [], text, rules);
        var prose = answer.Text.Length == 0 ? new ProseDraft(string.Empty, false, null, 0m) : await drafter.DraftAsync(
            context.Policies.LanguageModel,
            "You are a support agent. Write a short, friendly answer to the customer's ticket from the knowledge article given.",
            $"Ticket:\n{text}\n\nKnowledge article:\n{answer.Text}",
            answer.Text,
            cancellationToken).ConfigureAwait(false);
        var escalations = TimeEscalation.For(t.Severity, context.Issue.CreatedAt, context.Now, rules);

        var comment = CommentRenderer.Render(context.Policies.Template, SupportTemplate.BuiltIn, new Dictionary<string, object?>
        {
            ["category"] = t.Category,
            ["subcategory"] = t.Subcategory,
            ["severity"] = t.Severity,
            ["queue"] = t.Queue,
            ["customer"] = who,
            ["response_target"] = response,
            ["escalated"] = t.Escalates,
            ["reasons"] = t.EscalationReasons,
            ["answer"] = prose.Text,
            ["sources"] = answer.Sources.Select(s => s.Article.Source).ToList(),
            ["auto_resolved"] = answer.AutoResolve,
            ["resolution_reason"] = answer.Reason,
            ["escalations"] = escalations.Select(e => (object?)new Dictionary<string, object?>
            {
                ["due"] = e.Due.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
                ["after_hours"] = e.Rule.AfterHours,
                ["reached"] = e.Reached,
                ["action"] = e.Rule.Action,
            }).ToList(),
        });

        var summary = $"Ticket from {who}: {t.Category}/{t.Subcategory}, severity {t.Severity}"
            + (t.Escalates ? $"; escalated at once ({string.Join(", ", t.EscalationReasons)})." : answer.AutoResolve ? "; answered from the knowledge base and resolved." : ".");
        var outputs = new JsonObject
        {
            ["category"] = t.Category,
            ["subcategory"] = t.Subcategory,
            ["severity"] = t.Severity,
            ["queue"] = t.Queue,
            ["customer"] = customer.Length > 0 ? customer : null,
            ["productArea"] = area.Length > 0 ? area : null,
            ["responseTarget"] = response,
            ["escalate"] = t.Escalates,
            ["escalationReasons"] = new JsonArray([.. t.EscalationReasons.Select(r => (JsonNode)r)]),
            ["answer"] = prose.Text.Length > 0 ? prose.Text : null,
            ["answerFromModel"] = prose.FromModel,
            ["sources"] = new JsonArray([.. answer.Sources.Select(s => (JsonNode)new JsonObject { ["source"] = s.Article.Source, ["title"] = s.Article.Title, ["score"] = s.Score, ["coverage"] = s.Coverage })]),
            ["autoResolved"] = answer.AutoResolve,
            ["timeEscalations"] = new JsonArray([.. escalations.Select(e => (JsonNode)new JsonObject { ["afterHours"] = e.Rule.AfterHours, ["due"] = e.Due, ["reached"] = e.Reached, ["action"] = e.Rule.Action })]),
            ["evidence"] = new JsonArray([.. t.Evidence.Select(e => (JsonNode)e)]),
        };
        var actions = new List<string>();
        if (t.Escalates)
        {
            actions.Add($"Escalate now ({string.Join(", ", t.EscalationReasons)}): page the on-call engineer and the {t.Queue} lead.");
        }

        actions.Add(answer.AutoResolve ? $"Send the drafted answer to {who} and close the ticket." : $"Assign to the {t.Queue} queue.");
        actions.Add($"Respond to {who} within {response}.");
        actions.AddRange(escalations.Where(e => e.Reached).Select(e => e.Rule.Action));
        foreach (var note in new[] { comment.Note, prose.Note }.OfType<string>())
        {
            actions.Add("Note: " + note);
        }

        var impact = t.Severity == "critical" || t.Escalates ? Impact.High : t.Severity == "high" ? Impact.Medium : Impact.Low;
        var classification = new Classification(impact, Complexity.Simple, Reversibility.EasilyReversible, Stakeholders.CustomerFacing, 0m);
        var outcome = t.Escalates ? AgentOutcome.NeedsDecision : AgentOutcome.Completed;
        var result = ResultFactory.Create(context, outcome, summary, comment.Text, actions, outputs, classification, t.Confidence, prose.CostUsd);
        return result with { Effects = SupportReply.Effects(context.Issue, t, answer, prose.Text, customer, email) };
    }
}
