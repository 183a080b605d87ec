using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core.Agents.Rules;

namespace BusinessOps.Agents.Support;

/// <summary>
/// Triage by the rules of <c>support.yml</c>. Category = the one with most keyword hits over its subcategories' words and
/// its own category words (ties in the policy's order; none → general). Subcategory = the first of the category's that
/// matches, else its fallback. Severity = the first level whose words match, else medium for technical and billing and
/// low otherwise. Escalation = every immediate-escalation rule that matches, plus an enterprise customer.
/// </summary>
internal static class TicketClassifier
{
    public const string General = "general";

    public static TicketTriage Classify(string text, string productArea, bool enterprise, SupportRules rules)
    {
        var scored = rules.Categories.Select(c => (Category: c, Hits: CategoryHits(text, c, rules))).ToList();
        var best = scored.OrderByDescending(c => c.Hits.Count).FirstOrDefault();
        var matched = best.Category is not null && best.Hits.Count > 0;
        var category = matched ? best.Category!.Name : General;
        var evidence = new List<string>(matched ? best.Hits : []);

        var subcategory = matched
            ? best.Category!.Subcategories.FirstOrDefault(s => Keywords.Hits(text, s.Keywords).Count > 0)?.Name ?? best.Category.Fallback
            : productArea.Length > 0 ? "product-question" : "inquiry";

        var severity = rules.Severities.Select(s => (s.Name, Hits: Keywords.Hits(text, s.Keywords))).FirstOrDefault(s => s.Hits.Count > 0);
        evidence.AddRange(severity.Hits ?? []);
        var level = severity.Name ?? (category is "technical" or "billing" ? "medium" : "low");

        var reasons = rules.EscalateAtOnce.Where(r => Keywords.Hits(text, r.Keywords).Count > 0).Select(r => r.Name).ToList();
        if (enterprise)
        {
            reasons.Add("enterprise customer");
        }

        // More matching evidence, and a clear category winner, mean a surer classification.
        var runnerUp = scored.Where(c => c.Category != best.Category).Select(c => c.Hits.Count).DefaultIfEmpty(0).Max();
        var confidence = matched ? Math.Min(0.95, 0.55 + (0.1 * (best.Hits.Count - runnerUp)) + (severity.Name is null ? 0 : 0.1)) : 0.4;
        var queue = matched ? best.Category!.Queue : "tier-1 support";
        return new TicketTriage(category, subcategory, level, queue, [.. evidence.Distinct()], reasons, Math.Max(0.4, confidence));
    }

    private static List<string> CategoryHits(string text, SupportCategory category, SupportRules rules)
    {
        var words = category.Subcategories.SelectMany(s => s.Keywords)
            .Concat(rules.CategoryWords.Where(w => w.Name == category.Name).SelectMany(w => w.Keywords));
        return [.. Keywords.Hits(text, words.Distinct())];
    }
}
