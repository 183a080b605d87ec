namespace BusinessOps.Core.Agents.Rules;

/// <summary><c>policies/support.yml</c>: triage, immediate escalation, response targets, auto-resolution and time-based escalation.</summary>
public sealed record SupportRules
{
    public static SupportRules Default { get; } = new();

    /// <summary>Categories in tie-break order; the category is the one with most keyword hits over its subcategories.</summary>
    public IReadOnlyList<SupportCategory> Categories { get; init; } =
    [
        new("billing", "billing team", [
            new("refund", ["refund", "money back", "reimburse"]),
            new("invoice", ["invoice", "receipt", "vat", "tax id"]),
            new("payment-method", ["credit card", "card", "payment method", "declined", "expired card", "bank transfer"]),
            new("usage", ["usage", "overage", "quota", "metered", "charged", "charge", "overcharged", "twice"]),
            new("plan-change", ["upgrade", "downgrade", "cancel", "plan", "subscription", "seats"]),
        ], "billing-question"),
        new("technical", "tier-2 engineering", [
            new("authentication", ["login", "log in", "password", "sso", "saml", "2fa", "mfa", "locked out", "sign in"]),
            new("rate-limiting", ["rate limit", "rate limited", "429", "too many requests", "throttled", "throttling"]),
            new("api-integration", ["api", "webhook", "integration", "sdk", "endpoint", "sync", "oauth"]),
            new("performance", ["slow", "timeout", "latency", "hangs", "outage", "is down", "are down", "was down", "went down", "goes down", "been down", "down again", "down since", "site down", "server down", "service down", "system down", "app down", "api down", "unavailable", "503"]),
            new("documentation", ["documentation", "docs", "example", "guide", "tutorial"]),
        ], "bug"),
        new("feature", "product management", [
            new("integration-request", ["integration with", "connect to", "support for"]),
            new("reporting", ["report", "dashboard", "export"]),
        ], "enhancement"),
    ];

    /// <summary>Words that make a ticket technical, billing or feature on top of the subcategories' words.</summary>
    public IReadOnlyList<KeywordRule> CategoryWords { get; init; } =
    [
        new("billing", ["billing", "payment", "price", "pricing", "paid"]),
        new("technical", ["error", "crash", "bug", "fail", "failed", "broken", "exception", "500", "not working", "cannot", "can't", "lost", "data"]),
        new("feature", ["feature", "feature request", "would like", "add support", "enhancement", "wish", "could you add", "suggestion", "roadmap"]),
    ];

    // "down" alone also matches "drop-down" and "scroll down": outages are phrases ("is down", "server down").

    /// <summary>Severity levels, highest first; the first level whose words match wins.</summary>
    public IReadOnlyList<KeywordRule> Severities { get; init; } =
    [
        new("critical", ["outage", "is down", "are down", "was down", "went down", "goes down", "been down", "down again", "down since", "site down", "server down", "service down", "system down", "app down", "api down", "data loss", "lost all", "lost our", "deleted", "security", "breach", "hacked", "all users", "everyone", "production", "cannot access"]),
        new("high", ["cannot", "can't", "unable", "blocked", "urgent", "failed", "charged twice", "locked out", "refund"]),
        new("medium", ["slow", "intermittent", "sometimes", "workaround", "error", "wrong"]),
        new("low", ["question", "how do i", "cosmetic", "typo", "feature request", "would like"]),
    ];

    /// <summary>Reasons to escalate at once, whatever the severity (an enterprise customer is one more, from the client's plan).</summary>
    public IReadOnlyList<KeywordRule> EscalateAtOnce { get; init; } =
    [
        new("security concern", ["security", "breach", "hacked", "leaked", "vulnerability", "unauthorized", "phishing", "compromised"]),
        new("data loss", ["data loss", "lost all", "lost our", "lost data", "deleted", "missing data", "corrupted"]),
        new("outage", ["outage", "is down", "are down", "was down", "went down", "goes down", "been down", "down again", "down since", "site down", "server down", "service down", "system down", "app down", "api down", "unavailable", "503", "not loading for anyone", "all users"]),
    ];

    /// <summary>Client plans (tenant attribute <c>plan</c>) or customer names that count as enterprise.</summary>
    public IReadOnlyList<string> EnterprisePlans { get; init; } = ["enterprise"];

    /// <summary>First-response target per severity, in hours.</summary>
    public IReadOnlyDictionary<string, double> ResponseHours { get; init; } = new Dictionary<string, double>
    {
        ["critical"] = 1,
        ["high"] = 4,
        ["medium"] = 24,
        ["low"] = 72,
    };

    /// <summary>
    /// The share of the ticket's search terms the best knowledge article must hold for its text to be drafted as the answer
    /// at all; below it the ticket gets no drafted answer (a person writes one) rather than an unrelated article.
    /// </summary>
    public double MinAnswerCoverage { get; init; } = 0.25;

    public AutoResolveRule AutoResolve { get; init; } = new(["documentation", "invoice", "plan-change", "authentication", "rate-limiting"], 0.75, 0.5);

    /// <summary>Time-based escalation, by the ticket's age.</summary>
    public IReadOnlyList<TimeEscalationRule> TimeRules { get; init; } =
    [
        new("critical", 1, "Page the engineering manager: critical ticket unresolved after 1 hour."),
        new("high", 4, "Escalate to the support team lead: high-severity ticket unresolved after 4 hours."),
        new("medium", 24, "Notify the support lead: ticket unresolved after 24 hours."),
        new("any", 72, "Escalate to the head of support: ticket unresolved after 3 days."),
    ];
}
