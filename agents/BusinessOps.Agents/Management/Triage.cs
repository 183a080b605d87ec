using BusinessOps.Agents.Forms;
using BusinessOps.Core.Labels;

namespace BusinessOps.Agents.Management;

/// <summary>
/// Pure triage by keyword scoring over the routing families. Each keyword hit scores 1 for its label;
/// the highest score wins (ties: table order). Priority: any P0 word → P0, else P1 words → P1, P2 words → P2, else P3.
/// Confidence = 0.5 + 0.45 × (top − runner-up) / top, or 0.2 when nothing matched.
/// </summary>
internal static class Triage
{
    private static readonly (string Label, string Agent, string[] Words)[] Routes =
    [
        ("security/compliance", AgentNames.Security, ["secret", "credential", "token", "leak", "leaked", "vulnerability", "cve", "password", "compliance", "breach"]),
        ("operations/monitoring", AgentNames.Operations, ["outage", "down", "health check", "endpoint", "uptime", "latency", "monitoring", "503", "500", "unreachable"]),
        ("finance/analysis", AgentNames.Finance, ["invoice", "payment", "vendor", "tax", "budget", "expense", "reimbursement", "billing"]),
        ("support/quality-assurance", AgentNames.Support, ["customer", "ticket", "complaint", "refund", "help", "cannot log in", "support"]),
        ("sales/leads", AgentNames.Sales, ["lead", "prospect", "deal", "quote", "pricing", "demo request", "opportunity"]),
        ("marketing/seo", AgentNames.Marketing, ["seo", "campaign", "landing page", "blog", "content", "keyword", "newsletter"]),
        ("success/user-research", AgentNames.CustomerSuccess, ["churn", "renewal", "health score", "adoption", "onboarding", "nps"]),
        ("analytics/reporting", AgentNames.Analytics, ["kpi", "report", "metrics", "dashboard", "throughput", "analytics"]),
        ("dev/qa", AgentNames.Qa, ["test", "tests", "coverage", "junit", "flaky", "regression"]),
        ("dev/deploy", AgentNames.DevOps, ["deploy", "deployment", "release", "rollback", "rollout"]),
        ("dev/architecture", AgentNames.Architect, ["architecture", "design decision", "adr", "trade-off", "evaluate options"]),
        ("dev/implementation", AgentNames.Developer, ["feature", "implement", "acceptance criteria", "story", "bug fix"]),
        ("management/oversight", AgentNames.ProjectManager, ["escalated", "blocked", "overdue", "status report", "portfolio"]),
    ];

    private static readonly string[] P0Words = ["outage", "down", "breach", "security incident", "data loss", "production down", "sev1", "sev-1", "all customers", "leaked"];
    private static readonly string[] P1Words = ["urgent", "asap", "critical", "blocker", "blocking", "customer-facing", "failing", "broken", "sev2"];
    private static readonly string[] P2Words = ["soon", "important", "degraded", "bug", "slow", "this week"];

    public static TriageSuggestion Suggest(string text)
    {
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        var hitsByLabel = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (label, _, words) in Routes)
        {
            var hits = Keywords.Hits(text, words);
            scores[label] = hits.Count;
            hitsByLabel[label] = hits;
        }

        var ranked = Routes.Select(r => (r.Label, r.Agent, Score: scores[r.Label])).OrderByDescending(r => r.Score).ToList();
        var top = ranked[0];
        var second = ranked[1].Score;
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
