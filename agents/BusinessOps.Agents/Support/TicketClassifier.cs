using BusinessOps.Agents.Sdk.Forms;

namespace BusinessOps.Agents.Support;

/// <summary>
/// Pure keyword rules. Category = the family with most keyword hits (billing, technical, feature; none → general;
/// ties in that order). Subcategory = first matching rule within the category. Severity = first level whose words
/// match (critical, high, medium, low), else medium for technical/billing and low otherwise.
/// </summary>
internal static class TicketClassifier
{
    private static readonly (string Category, string[] Words)[] Categories =
    [
        ("billing", ["invoice", "charge", "charged", "refund", "payment", "billing", "subscription", "credit card", "price", "receipt", "overcharged"]),
        ("technical", ["error", "crash", "bug", "fail", "fails", "failed", "broken", "timeout", "exception", "login", "log in", "slow", "500", "not working", "cannot", "can't"]),
        ("feature", ["feature", "request", "would like", "add support", "enhancement", "wish", "could you add", "suggestion", "roadmap"]),
    ];

    private static readonly (string Category, string Subcategory, string[] Words)[] Subcategories =
    [
        ("billing", "duplicate-charge", ["twice", "double", "duplicate", "overcharged"]),
        ("billing", "refund", ["refund", "money back"]),
        ("billing", "payment-failure", ["declined", "payment failed", "card"]),
        ("billing", "plan-change", ["upgrade", "downgrade", "cancel", "plan"]),
        ("billing", "invoice", ["invoice", "receipt"]),
        ("technical", "authentication", ["login", "log in", "password", "sso", "2fa", "mfa", "locked out"]),
        ("technical", "performance", ["slow", "timeout", "latency", "hangs"]),
        ("technical", "integration", ["api", "webhook", "integration", "sync"]),
        ("technical", "data", ["data loss", "missing data", "export", "import", "corrupt"]),
        ("technical", "crash", ["crash", "exception", "500", "error"]),
        ("feature", "integration-request", ["integration", "api", "connect"]),
        ("feature", "reporting", ["report", "dashboard", "export"]),
    ];

    private static readonly (string Severity, string[] Words)[] Severities =
    [
        ("critical", ["outage", "down", "data loss", "security", "breach", "all users", "everyone", "production", "cannot access"]),
        ("high", ["cannot", "can't", "unable", "blocked", "urgent", "failed", "charged twice", "locked out"]),
        ("medium", ["slow", "intermittent", "sometimes", "workaround", "error"]),
        ("low", ["question", "how do i", "cosmetic", "typo", "feature request", "would like"]),
    ];

    public static TicketTriage Classify(string text, string productArea)
    {
        var scored = Categories.Select(c => (c.Category, Hits: Keywords.Hits(text, c.Words))).ToList();
        var best = scored.OrderByDescending(c => c.Hits.Count).First();
        var category = best.Hits.Count == 0 ? "general" : best.Category;
        var evidence = new List<string>(best.Hits);

        var sub = Subcategories.Where(s => s.Category == category).Select(s => (s.Subcategory, Hits: Keywords.Hits(text, s.Words))).FirstOrDefault(s => s.Hits.Count > 0);
        var subcategory = sub.Subcategory ?? (category switch
        {
            "feature" => "enhancement",
            "general" => productArea.Length > 0 ? "product-question" : "inquiry",
            "billing" => "billing-question",
            _ => "other",
        });

        var sev = Severities.Select(s => (s.Severity, Hits: Keywords.Hits(text, s.Words))).FirstOrDefault(s => s.Hits.Count > 0);
        var severity = sev.Severity ?? (category is "technical" or "billing" ? "medium" : "low");
        if (sev.Hits is not null)
        {
            evidence.AddRange(sev.Hits);
        }

        // More matching evidence, and a clear category winner, mean a surer classification.
        var runnerUp = scored.Where(c => c.Category != best.Category).Max(c => c.Hits.Count);
        var confidence = category == "general" ? 0.4 : Math.Min(0.95, 0.55 + (0.1 * (best.Hits.Count - runnerUp)) + (sev.Severity is null ? 0 : 0.1));
        return new TicketTriage(category, subcategory, severity, [.. evidence.Distinct()], Math.Max(0.4, confidence));
    }
}
