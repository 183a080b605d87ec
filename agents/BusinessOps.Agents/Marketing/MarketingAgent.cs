using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Agents.Prose;
using BusinessOps.Agents.Rendering;
using BusinessOps.Agents.Sdk;
using BusinessOps.Core.Agents.Rules;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Marketing;

/// <summary>
/// ai-marketing-agent, by <c>marketing.yml</c>: SEO analysis with a 0–100 score and recommendations; a campaign plan
/// (a form with <c>Start date</c>) with its channel calendar and the emails it schedules through the email service.
/// </summary>
public sealed class MarketingAgent(ProseDrafter drafter) : IAgent
{
    public MarketingAgent()
        : this(new ProseDrafter(LanguageModelEndpoint.FromEnvironment()))
    {
    }

    public string Name => AgentNames.Marketing;

    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var rules = context.Policies.Rules?.Marketing ?? MarketingRules.Default;
        return context.Form.Get("Start date") is not null
            ? CampaignAgent.RunAsync(context, rules, drafter, cancellationToken)
            : Task.FromResult(Seo(context));
    }

    private static AgentResult Seo(AgentContext context)
    {
        var f = context.Form;
        var input = new SeoInput(
            f.Required("Page title", "the page's <title>, ideally 50–60 characters"),
            f.Required("Meta description", "the meta description, ideally 150–160 characters"),
            f.Required("Focus keyword", "the keyword or phrase the page should rank for"),
            f.Required("Content", "the page content in Markdown"));
        var r = SeoAnalyzer.Analyze(input);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"SEO score {r.Score}/100: title {r.TitleLength} chars, meta {r.MetaLength} chars, keyword density {r.KeywordDensity:0.##} %, {r.H1Count} H1/{r.H2Count} H2, Flesch {r.FleschReadingEase:0.#}; {r.Recommendations.Count} recommendation(s).");
        var outputs = new JsonObject
        {
            ["score"] = r.Score,
            ["titleLength"] = r.TitleLength,
            ["metaDescriptionLength"] = r.MetaLength,
            ["words"] = r.Words,
            ["sentences"] = r.Sentences,
            ["keywordOccurrences"] = r.KeywordOccurrences,
            ["keywordDensity"] = r.KeywordDensity,
            ["h1"] = r.H1Count,
            ["h2"] = r.H2Count,
            ["fleschReadingEase"] = r.FleschReadingEase,
            ["recommendations"] = new JsonArray([.. r.Recommendations.Select(x => (JsonNode)x)]),
        };
        var comment = CommentRenderer.Render(context.Policies.Template, MarketingTemplate.BuiltIn, new Dictionary<string, object?>
        {
            ["operation"] = "seo",
            ["score"] = r.Score,
            ["keyword"] = input.FocusKeyword,
            ["title_length"] = r.TitleLength,
            ["meta_length"] = r.MetaLength,
            ["keyword_density"] = r.KeywordDensity.ToString("0.##", CultureInfo.InvariantCulture),
            ["h1"] = r.H1Count,
            ["h2"] = r.H2Count,
            ["flesch"] = r.FleschReadingEase.ToString("0.#", CultureInfo.InvariantCulture),
            ["recommendations"] = r.Recommendations,
        });
        var actions = r.Recommendations.DefaultIfEmpty("No changes needed; publish.").ToList();
        if (comment.Note is { } note)
        {
            actions.Add("Note: " + note);
        }

        var classification = new Classification(Impact.Low, Complexity.Simple, Reversibility.EasilyReversible, Stakeholders.Public, 0m);

        // The measurements are exact; the syllable heuristic makes Flesch approximate.
        return ResultFactory.Create(context, AgentOutcome.Completed, summary, comment.Text, actions, outputs, classification, 0.88);
    }
}
