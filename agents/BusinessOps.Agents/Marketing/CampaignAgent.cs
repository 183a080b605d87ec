using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Agents.Prose;
using BusinessOps.Agents.Rendering;
using BusinessOps.Agents.Sdk;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core.Agents.Rules;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Marketing;

/// <summary>
/// The campaign plan (a form with <c>Start date</c>): the channel calendar with the budget split by <c>marketing.yml</c>,
/// the email sequence dated inside the campaign, the campaign copy (drafted by the language model when one is
/// configured; dates and amounts never come from it) and — what approval releases — one signed webhook to the
/// email service per send, carrying the date it goes out.
/// </summary>
internal static class CampaignAgent
{
    /// <summary>The webhook endpoint of <c>connectors.yml</c> that schedules the campaign's emails.</summary>
    public const string EmailServiceEndpoint = "email-service";

    /// <summary>The event type of one scheduled campaign email.</summary>
    public const string SendEvent = "campaign.email";

    private const int MaxDays = 366;

    public static async Task<AgentResult> RunAsync(AgentContext context, MarketingRules rules, ProseDrafter drafter, CancellationToken cancellationToken)
    {
        var input = Read(context.Form, rules);
        var calendar = CampaignPlanner.Calendar(input, rules);
        var sends = CampaignPlanner.Sends(input, rules);
        var deterministic = input.Message.Length > 0 ? input.Message : $"{input.Name}: made for {input.Audience}.";
        var prose = await drafter.DraftAsync(
            context.Policies.LanguageModel,
            "You are a marketer. Write campaign copy (at most 80 words) for the audience and message given; no prices, dates or numbers.",
            $"Campaign: {input.Name}\nAudience: {input.Audience}\nKey message: {(input.Message.Length > 0 ? input.Message : "(none given)")}\nChannels: {string.Join(", ", calendar.Select(c => c.Channel))}",
            deterministic,
            cancellationToken).ConfigureAwait(false);

        var comment = CommentRenderer.Render(context.Policies.Template, MarketingTemplate.BuiltIn, new Dictionary<string, object?>
        {
            ["operation"] = "campaign",
            ["campaign"] = input.Name,
            ["audience"] = input.Audience,
            ["start_date"] = Day(input.Start),
            ["end_date"] = Day(input.End),
            ["budget"] = Usd(input.BudgetUsd),
            ["copy"] = prose.Text,
            ["endpoint"] = EmailServiceEndpoint,
            ["channels"] = calendar.Select(c => (object?)new Dictionary<string, object?>
            {
                ["name"] = c.Channel,
                ["format"] = c.Format,
                ["budget"] = Usd(c.BudgetUsd),
                ["posts"] = c.Dates.Count,
                ["per_post"] = Usd(c.PerPostUsd),
                ["dates"] = Dates(c.Dates),
            }).ToList(),
            ["sends"] = sends.Select(s => (object?)new Dictionary<string, object?> { ["step"] = s.Step, ["send_on"] = Day(s.SendOn), ["purpose"] = s.Purpose }).ToList(),
        });

        var posts = calendar.Sum(c => c.Dates.Count);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Campaign {input.Name} for {input.Audience}: {calendar.Count} channel(s), {posts} post(s) from {Day(input.Start)} to {Day(input.End)}, budget {Usd(input.BudgetUsd)}; {sends.Count} email(s) to schedule.");
        var outputs = new JsonObject
        {
            ["campaign"] = input.Name,
            ["audience"] = input.Audience,
            ["start"] = Day(input.Start),
            ["end"] = Day(input.End),
            ["budget"] = input.BudgetUsd,
            ["copy"] = prose.Text,
            ["copyFromModel"] = prose.FromModel,
            ["channels"] = new JsonArray([.. calendar.Select(c => (JsonNode)new JsonObject
            {
                ["channel"] = c.Channel,
                ["share"] = c.Share,
                ["budget"] = c.BudgetUsd,
                ["format"] = c.Format,
                ["posts"] = c.Dates.Count,
                ["perPost"] = c.PerPostUsd,
                ["dates"] = new JsonArray([.. c.Dates.Select(d => (JsonNode)Day(d))]),
            })]),
            ["emails"] = new JsonArray([.. sends.Select(s => (JsonNode)new JsonObject { ["step"] = s.Step, ["sendOn"] = Day(s.SendOn), ["purpose"] = s.Purpose })]),
        };
        var actions = calendar.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Channel}: {c.Dates.Count} {c.Format}(s), {Usd(c.BudgetUsd)}, first on {(c.Dates.Count > 0 ? Day(c.Dates[0]) : "—")}.")).ToList();
        if (sends.Count > 0)
        {
            actions.Add($"Schedule {sends.Count} email(s) through the {EmailServiceEndpoint} webhook.");
        }

        actions.AddRange(new[] { comment.Note, prose.Note }.OfType<string>().Select(n => "Note: " + n));
        var impact = input.BudgetUsd switch { < 1_000m => Impact.Low, < 10_000m => Impact.Medium, _ => Impact.High };
        var classification = new Classification(impact, calendar.Count > 2 ? Complexity.Moderate : Complexity.Simple, Reversibility.DifficultToReverse, Stakeholders.Public, input.BudgetUsd);
        var result = ResultFactory.Create(context, AgentOutcome.Completed, summary, comment.Text, actions, outputs, classification, 0.85, prose.CostUsd);
        return result with { Effects = [.. sends.Select(s => Send(input, s, sends.Count, prose.Text))] };
    }

    /// <summary>One scheduled email: the email service sends <c>body</c> to the audience on <c>sendOn</c>.</summary>
    private static Effect Send(CampaignInput input, CampaignSend send, int of, string copy)
    {
        var purpose = send.Purpose;
        var colon = purpose.IndexOf(':', StringComparison.Ordinal);
        var subject = input.Name + " — " + (colon > 0 ? purpose[..colon] : purpose);
        return Effect.Create(EffectKinds.WebhookPost, EmailServiceEndpoint, new JsonObject
        {
            ["event"] = SendEvent,
            ["data"] = new JsonObject
            {
                ["campaign"] = input.Name,
                ["audience"] = input.Audience,
                ["sendOn"] = Day(send.SendOn),
                ["step"] = send.Step,
                ["of"] = of,
                ["purpose"] = purpose,
                ["subject"] = subject,
                ["body"] = copy + "\n\n" + purpose,
            },
        });
    }

    internal static CampaignInput Read(IssueForm form, MarketingRules rules)
    {
        var name = OneLine(form, "Campaign", "the campaign's name, e.g. Spring launch", 120);
        var audience = OneLine(form, "Audience", "who the campaign is for, e.g. operations leads at agencies", 200);
        var budget = form.RequiredDecimal("Budget", "the campaign budget in USD, e.g. 5000", 0m, 100_000_000m);
        var start = form.RequiredDate("Start date", "a date YYYY-MM-DD, e.g. 2026-12-01");
        var end = form.RequiredDate("End date", "a date YYYY-MM-DD on or after the start date");
        if (end < start || end.DayNumber - start.DayNumber > MaxDays)
        {
            throw IssueForm.Invalid("End date", $"a date on or after the start date and at most {MaxDays} days after it", Day(end));
        }

        var known = rules.Channels.Select(c => c.Name).ToList();
        var raw = form.Optional("Channels");
        var channels = raw.Trim().Length == 0 ? known
            : FormValues.Lines(raw.Replace(',', '\n')).Select(c => c.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (channels.FirstOrDefault(c => !known.Contains(c)) is { } unknown)
        {
            throw IssueForm.Invalid("Channels", "channels from marketing.yml, one per line or comma-separated: " + string.Join(", ", known), unknown);
        }

        var message = form.Optional("Message").Trim();
        return new CampaignInput(name, audience, budget, start, end, channels, message.Length > 1_000 ? message[..1_000] : message);
    }

    private static string OneLine(IssueForm form, string field, string expectation, int max)
    {
        var value = form.Required(field, expectation).Trim();
        return value.Length > max || value.Any(char.IsControl) ? throw IssueForm.Invalid(field, $"{expectation} (one line, at most {max} characters)", value) : value;
    }

    private static string Dates(IReadOnlyList<DateOnly> dates) =>
        dates.Count <= 6 ? string.Join(", ", dates.Select(Day)) : string.Join(", ", dates.Take(5).Select(Day)) + $", … {Day(dates[^1])}";

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Usd(decimal amount) => "$" + amount.ToString("N2", CultureInfo.InvariantCulture);
}
