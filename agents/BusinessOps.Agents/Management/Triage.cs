using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Policies;

namespace BusinessOps.Agents.Management;

/// <summary>
/// Pure triage by keyword scoring over <c>routing.yml</c>'s <c>triage:</c> routes. Each keyword hit scores 1 for its
/// label; the highest score wins (ties: route order). Priority: any P0 word → P0, else P1 words → P1, P2 words → P2, else P3.
/// Confidence = 0.5 + 0.45 × (top − runner-up) / top, or 0.2 when nothing matched.
/// </summary>
internal static class Triage
{
    private static readonly string[] P0Words = ["outage", "down", "breach", "security incident", "data loss", "production down", "sev1", "sev-1", "all customers", "leaked"];
    private static readonly string[] P1Words = ["urgent", "asap", "critical", "blocker", "blocking", "customer-facing", "failing", "broken", "sev2"];
    private static readonly string[] P2Words = ["soon", "important", "degraded", "bug", "slow", "this week"];

    public static TriageSuggestion Suggest(string text, IReadOnlyList<TriageRoute> routes)
    {
        if (routes.Count == 0)
        {
            routes = RoutingPolicy.DefaultTriage;
        }

        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        var hitsByLabel = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (label, _, words) in routes)
        {
            var hits = Keywords.Hits(text, words);
            scores[label] = hits.Count;
            hitsByLabel[label] = hits;
        }

        var ranked = routes.Select(r => (r.Label, r.Agent, Score: scores[r.Label])).OrderByDescending(r => r.Score).ToList();
        var top = ranked[0];
        var second = ranked.Count > 1 ? ranked[1].Score : 0;
        var p0 = Keywords.Hits(text, P0Words);
        var p1 = Keywords.Hits(text, P1Words);
        var p2 = Keywords.Hits(text, P2Words);
        var (priority, pHits) = p0.Count > 0 ? ("P0", p0) : p1.Count > 0 ? ("P1", p1) : p2.Count > 0 ? ("P2", p2) : ("P3", (IReadOnlyList<string>)[]);
        if (top.Score == 0)
        {
            return new TriageSuggestion(null, null, priority, 0.2, [], pHits, scores);
        }

        var confidence = 0.5 + (0.45 * (top.Score - second) / top.Score);
        return new TriageSuggestion(top.Label, top.Agent, priority, Math.Round(confidence, 2), hitsByLabel[top.Label], pHits, scores);
    }
}
