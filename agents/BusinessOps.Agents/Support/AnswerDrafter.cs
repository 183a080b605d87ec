using BusinessOps.Core.Agents;
using BusinessOps.Core.Agents.Rules;

namespace BusinessOps.Agents.Support;

/// <summary>
/// The deterministic answer: the best article's opening paragraphs, the sources cited, and the auto-resolution verdict
/// (<see cref="AutoResolveRule"/>: listed subcategory, confident triage, well-covered by the article, never when escalated).
/// </summary>
internal static class AnswerDrafter
{
    private const int MaxAnswerChars = 1_200;

    public static SupportAnswer Draft(TicketTriage triage, IReadOnlyList<KnowledgeArticle> articles, string query, SupportRules rules)
    {
        if (articles.Count == 0)
        {
            return new SupportAnswer(string.Empty, [], false, "no knowledge base in policies/knowledge");
        }

        using var index = new KnowledgeIndex(articles);
        var hits = index.Search(query, 3);
        if (hits.Count == 0)
        {
            return new SupportAnswer(string.Empty, [], false, "no knowledge article matches the ticket");
        }

        var best = hits[0];
        if (best.Coverage < rules.MinAnswerCoverage)
        {
            return new SupportAnswer(string.Empty, [], false, $"no knowledge article covers enough of the ticket (best: {best.Article.Source}, {best.Coverage:P0}; policy: {rules.MinAnswerCoverage:P0})");
        }

        var auto = rules.AutoResolve;
        var reason = triage.Escalates ? "escalated tickets are answered by a person"
            : !auto.Subcategories.Contains(triage.Subcategory) ? $"policy does not auto-resolve {triage.Subcategory}"
            : triage.Confidence < auto.MinConfidence ? $"triage confidence {triage.Confidence:0.00} is below {auto.MinConfidence:0.00}"
            : best.Coverage < auto.MinCoverage ? $"the best article covers {best.Coverage:P0} of the ticket (policy: {auto.MinCoverage:P0})"
            : "policy allows it and the answer is confident";
        var resolves = reason == "policy allows it and the answer is confident";
        return new SupportAnswer(Body(best.Article.Text), [.. hits.Where(h => h.Score >= best.Score / 3)], resolves, reason);
    }

    /// <summary>The article's text without its title heading, cut at a paragraph end near <see cref="MaxAnswerChars"/>.</summary>
    private static string Body(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').SkipWhile(l => l.StartsWith("# ", StringComparison.Ordinal) || l.Trim().Length == 0);
        var text = string.Join('\n', lines).Trim();
        if (text.Length <= MaxAnswerChars)
        {
            return text;
        }

        var cut = text.LastIndexOf("\n\n", MaxAnswerChars, StringComparison.Ordinal);
        return text[..(cut > 200 ? cut : MaxAnswerChars)].TrimEnd() + "\n\n…";
    }
}
