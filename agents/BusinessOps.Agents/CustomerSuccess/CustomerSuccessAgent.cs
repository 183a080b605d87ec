using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Agents.Rendering;
using BusinessOps.Agents.Sdk;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core.Agents.Rules;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.CustomerSuccess;

/// <summary>
/// ai-customer-success-agent, by <c>customer-success.yml</c>: the health score with trend and recency and its band's
/// intervention at the band's autonomy (L1 completes, L2 waits for approval, L3 is decision support); onboarding (a form
/// with <c>Employees</c>): segment, day-by-day sequence, due interventions; feedback synthesis (a form with <c>Feedback</c>).
/// </summary>
public sealed class CustomerSuccessAgent : IAgent
{
    public string Name => AgentNames.CustomerSuccess;

    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var rules = context.Policies.Rules?.CustomerSuccess ?? CustomerSuccessRules.Default;
        var customer = context.Form.Required("Customer", "the customer's name").Trim();
        var result = context.Form.Get("Feedback") is not null ? Feedback(context, customer, rules)
            : context.Form.Get("Employees") is not null ? OnboardingPlan(context, customer, rules)
            : Health(context, customer, rules);
        return Task.FromResult(result);
    }

    private static AgentResult Health(AgentContext context, string customer, CustomerSuccessRules rules)
    {
        var metrics = rules.Weights.ToDictionary(m => m.Field, m => (double)context.Form.RequiredDecimal(m.Field, "a number from 0 to 100", 0m, 100m));
        double? inactive = context.Form.Optional("Days since last activity").Length > 0 ? (double)context.Form.RequiredDecimal("Days since last activity", "a number of days from 0 to 3650", 0m, 3650m) : null;
        double? previous = context.Form.Optional("Previous score").Length > 0 ? (double)context.Form.RequiredDecimal("Previous score", "a number from 0 to 100", 0m, 100m) : null;
        var email = InterventionEmail.Address(context.Form);
        var h = HealthScore.Compute(metrics, inactive, previous, rules);
        var band = h.Band;
        var weakest = rules.Weights.OrderBy(m => metrics[m.Field]).ThenByDescending(m => m.Weight).Take(2).ToList();
        var reviewBy = band.ReviewWithinHours > 0 ? context.Now.AddHours(band.ReviewWithinHours) : (DateTimeOffset?)null;

        var summary = string.Create(CultureInfo.InvariantCulture, $"{customer}: health score {h.Score:0.0}/100 ({h.Trend}) — {band.Name} band at {band.Autonomy}. {band.Intervention}");
        var outputs = new JsonObject
        {
            ["customer"] = customer,
            ["score"] = h.Score,
            ["rawScore"] = h.Raw,
            ["recencyFactor"] = h.Recency,
            ["trend"] = h.Trend,
            ["previousScore"] = previous,
            ["band"] = band.Name,
            ["autonomy"] = band.Autonomy,
            ["intervention"] = band.Intervention,
            ["reviewBy"] = reviewBy,
            ["weakest"] = new JsonArray([.. weakest.Select(m => (JsonNode)m.Field)]),
        };
        foreach (var (group, value) in h.Groups)
        {
            outputs[group] = value;
        }

        var comment = CommentRenderer.Render(context.Policies.Template, CustomerSuccessTemplate.BuiltIn, new Dictionary<string, object?>
        {
            ["operation"] = "health",
            ["customer"] = customer,
            ["metrics"] = rules.Weights.Select(m => (object?)new Dictionary<string, object?>
            {
                ["field"] = m.Field,
                ["value"] = Inv($"{metrics[m.Field]:0.#}"),
                ["weight"] = Inv($"{m.Weight:0.00}"),
                ["contribution"] = Inv($"{m.Weight * metrics[m.Field]:0.00}"),
            }).ToList(),
            ["raw"] = Inv($"{h.Raw:0.0}"),
            ["recency_basis"] = inactive is { } d ? Inv($"{d:0} days inactive") : "no inactivity given",
            ["recency"] = Inv($"{h.Recency:0.000}"),
            ["score"] = Inv($"{h.Score:0.0}"),
            ["band"] = band.Name,
            ["autonomy"] = band.Autonomy,
            ["intervention"] = band.Intervention,
            ["email_to"] = email is not null && band.Autonomy != "L3" ? email : string.Empty,
        });
        var actions = new List<string> { string.Create(CultureInfo.InvariantCulture, $"{band.Intervention} ({band.Autonomy})") };
        if (reviewBy is { } by)
        {
            actions.Add(string.Create(CultureInfo.InvariantCulture, $"A person reviews the plan by {by:yyyy-MM-dd HH:mm} UTC."));
        }

        if (h.Trend == "declining")
        {
            actions.Add(string.Create(CultureInfo.InvariantCulture, $"Health is declining ({previous:0.#} → {h.Score:0.#}): find what changed this period."));
        }

        actions.AddRange(weakest.Select(m => string.Create(CultureInfo.InvariantCulture, $"Improve {m.Field.ToLowerInvariant()} (currently {metrics[m.Field]:0.#}).")));
        Note(actions, comment);

        var (outcome, impact) = band.Autonomy switch { "L3" => (AgentOutcome.NeedsDecision, Impact.High), "L2" => (AgentOutcome.NeedsApproval, Impact.Medium), _ => (AgentOutcome.Completed, Impact.Low) };
        var classification = new Classification(impact, Complexity.Simple, Reversibility.EasilyReversible, Stakeholders.CustomerFacing, 0m);
        var result = ResultFactory.Create(context, outcome, summary, comment.Text, actions, outputs, classification, 0.9);
        return result with { Effects = InterventionEmail.For(customer, band, email) };
    }

    private static AgentResult OnboardingPlan(AgentContext context, string customer, CustomerSuccessRules rules)
    {
        var employees = (int)context.Form.RequiredDecimal("Employees", "a whole number of employees", 1m, 10_000_000m);
        var monthly = context.Form.RequiredDecimal("Monthly value", "the monthly contract value in USD, e.g. 450", 0m, 100_000_000m);
        var use = context.Form.Optional("Primary use");
        var day = context.Form.OptionalInt("Day", 0, 0, 365, "the onboarding day today (0 = signed today)");
        var reached = FormValues.Lines(context.Form.Optional("Milestones reached")).Select(m => m.ToLowerInvariant()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var segment = Onboarding.Segment(employees, monthly, use, rules);
        var due = Onboarding.Due(segment, day, reached, rules);
        var next = segment.Sequence.FirstOrDefault(s => s.Day >= day);

        var summary = string.Create(CultureInfo.InvariantCulture, $"{customer}: {segment.Name} onboarding, day {day} of {segment.Sequence[^1].Day}; {(due.Count == 0 ? "on track" : $"{due.Count} intervention(s) due")}.");
        var outputs = new JsonObject
        {
            ["customer"] = customer,
            ["segment"] = segment.Name,
            ["day"] = day,
            ["sequence"] = new JsonArray([.. segment.Sequence.Select(s => (JsonNode)new JsonObject { ["day"] = s.Day, ["action"] = s.Action, ["milestone"] = s.Milestone, ["reached"] = s.Milestone is { } m && reached.Contains(m) })]),
            ["interventions"] = new JsonArray([.. due.Select(t => (JsonNode)new JsonObject { ["milestone"] = t.Milestone, ["byDay"] = t.ByDay, ["action"] = t.Action })]),
            ["next"] = next is null ? null : new JsonObject { ["day"] = next.Day, ["action"] = next.Action },
        };
        var comment = CommentRenderer.Render(context.Policies.Template, CustomerSuccessTemplate.BuiltIn, new Dictionary<string, object?>
        {
            ["operation"] = "onboarding",
            ["customer"] = customer,
            ["segment"] = segment.Name,
            ["day"] = day,
            ["steps"] = segment.Sequence.Select(s => (object?)new Dictionary<string, object?>
            {
                ["day"] = s.Day,
                ["action"] = s.Action,
                ["milestone"] = s.Milestone ?? string.Empty,
                ["reached"] = s.Milestone is { } m && reached.Contains(m),
            }).ToList(),
        });
        var actions = due.Select(t => t.Action).ToList();
        if (next is not null)
        {
            actions.Add(string.Create(CultureInfo.InvariantCulture, $"Day {next.Day}: {next.Action}."));
        }

        Note(actions, comment);

        var classification = new Classification(due.Count > 0 ? Impact.Medium : Impact.Low, Complexity.Simple, Reversibility.EasilyReversible, Stakeholders.CustomerFacing, 0m);
        return ResultFactory.Create(context, AgentOutcome.Completed, summary, comment.Text, actions, outputs, classification, 0.9);
    }

    private static AgentResult Feedback(AgentContext context, string customer, CustomerSuccessRules rules)
    {
        var lines = FormValues.Lines(context.Form.Required("Feedback", "one piece of feedback per line"));
        var themes = FeedbackSynthesis.Themes(lines, rules);
        var summary = themes.Count == 0
            ? $"{customer}: {lines.Count} feedback line(s), no known theme."
            : string.Create(CultureInfo.InvariantCulture, $"{customer}: {lines.Count} feedback line(s); top themes {string.Join(", ", themes.Take(3).Select(t => $"{t.Theme} ({t.Count})"))}.");
        var outputs = new JsonObject
        {
            ["customer"] = customer,
            ["lines"] = lines.Count,
            ["themes"] = new JsonArray([.. themes.Select(t => (JsonNode)new JsonObject { ["theme"] = t.Theme, ["count"] = t.Count, ["quotes"] = new JsonArray([.. t.Quotes.Select(q => (JsonNode)q)]) })]),
            ["unthemed"] = lines.Count(l => !themes.Any(t => t.Quotes.Contains(l)) && !rules.Themes.Any(r => Keywords.Hits(l, r.Keywords).Count > 0)),
        };
        var comment = CommentRenderer.Render(context.Policies.Template, CustomerSuccessTemplate.BuiltIn, new Dictionary<string, object?>
        {
            ["operation"] = "feedback",
            ["customer"] = customer,
            ["themes"] = themes.Select(t => (object?)new Dictionary<string, object?>
            {
                ["theme"] = t.Theme,
                ["count"] = t.Count,
                ["quotes"] = t.Quotes.Select(q => OneLine(q, 300)).ToList(),
            }).ToList(),
        });
        var actions = themes.Take(3).Select(t => string.Create(CultureInfo.InvariantCulture, $"Share the {t.Theme} theme ({t.Count} mention(s)) with its owner.")).ToList();
        Note(actions, comment);
        return ResultFactory.Create(context, AgentOutcome.Completed, summary, comment.Text.Trim().Length == 0 ? null : comment.Text, actions, outputs, Classification.Routine, 0.8);
    }

    private static void Note(List<string> actions, RenderedText comment)
    {
        if (comment.Note is { } note)
        {
            actions.Add("Note: " + note);
        }
    }

    // A quote stays on its line of the block quote: line breaks become spaces, long ones are cut (escaping is the renderer's).
    private static string OneLine(string text, int max)
    {
        var line = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return line.Length > max ? line[..max] + "…" : line;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
