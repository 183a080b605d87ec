using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Agents.Sdk;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Marketing;

/// <summary>ai-marketing-agent: SEO analysis with a 0–100 score and recommendations.</summary>
public sealed class MarketingAgent : IAgent
{
    public string Name => AgentNames.Marketing;

    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
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
        var classification = new Classification(Impact.Low, Complexity.Simple, Reversibility.EasilyReversible, Stakeholders.Public, 0m);

        // The measurements are exact; the syllable heuristic makes Flesch approximate.
        return Task.FromResult(ResultFactory.Create(context, AgentOutcome.Completed, summary, null, [.. r.Recommendations.DefaultIfEmpty("No changes needed; publish.")], outputs, classification, 0.88));
    }
}
