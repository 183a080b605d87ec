namespace BusinessOps.Core.Agents.Rules;

/// <summary><c>policies/customer-success.yml</c>: health weights, bands with their autonomy, trend and recency, onboarding, feedback themes.</summary>
public sealed record CustomerSuccessRules
{
    public static CustomerSuccessRules Default { get; } = new();

    public IReadOnlyList<HealthWeight> Weights { get; init; } =
    [
        new("Active usage", "usage", 0.25), new("Feature adoption", "usage", 0.15), new("Login frequency", "usage", 0.10),
        new("Support health", "engagement", 0.15), new("Training completion", "engagement", 0.10), new("Survey score", "engagement", 0.10),
        new("Payment health", "commercial", 0.10), new("Contract growth", "commercial", 0.05),
    ];

    /// <summary>Highest first.</summary>
    public IReadOnlyList<HealthBandRule> Bands { get; init; } =
    [
        new("advocacy", 90, "L1", "Invite to the advocacy program: case study, referral and reference calls.", 0),
        new("expansion", 70, "L2", "Propose an expansion: the next tier or more seats (needs approval before the customer is contacted).", 0),
        new("engagement", 50, "L1", "Start the engagement campaign: training sessions and a feature-adoption review.", 0),
        new("retention", 30, "L2", "Start a retention plan: executive check-in and a success plan; a human reviews within 24 hours.", 24),
        new("emergency", 0, "L3", "Emergency escalation: the head of customer success decides the rescue plan today.", 4),
    ];

    /// <summary>A change of at least this many points since the previous score is a trend (improving or declining).</summary>
    public double TrendPoints { get; init; } = 5;

    /// <summary>Days without activity that cost nothing.</summary>
    public double RecencyGraceDays { get; init; } = 7;

    /// <summary>After the grace, the score halves every this many days of inactivity…</summary>
    public double RecencyHalfLifeDays { get; init; } = 30;

    /// <summary>…but never below this share of itself.</summary>
    public double RecencyFloor { get; init; } = 0.5;

    /// <summary>Segments in order; the last is the fallback.</summary>
    public IReadOnlyList<OnboardingSegment> Segments { get; init; } =
    [
        new("enterprise", null, 501, null, 5_000.01m, null, [
            new(0, "Kickoff call with the executive sponsor; assign a dedicated CSM", "kickoff held"),
            new(1, "Provision SSO and invite the admin team", "sso configured"),
            new(3, "Technical onboarding workshop for the integration team", "integration started"),
            new(7, "First workflow live in a pilot team", "first workflow live"),
            new(14, "Department rollout plan agreed", "rollout plan agreed"),
            new(30, "Success review against the agreed outcomes", "success review held"),
        ]),
        new("developer", null, null, null, null, "api", [
            new(0, "Welcome email with API keys, the quickstart and the SDKs", null),
            new(1, "Nudge: make the first API call", "first api call"),
            new(3, "Send the webhook and integration guide", "webhook configured"),
            new(7, "Share example apps; invite to the developer community", "integration in production"),
            new(14, "Check usage and offer an architecture review", null),
        ]),
        new("startup", 49, null, 499.99m, null, null, [
            new(0, "Welcome email with the three-step quickstart", null),
            new(1, "In-app checklist: invite your team", "team invited"),
            new(3, "Email: set up your first workflow (video)", "first workflow live"),
            new(7, "Email: tips from similar startups; offer a 15-minute call", null),
            new(14, "Check activation; offer the startup plan discount for annual billing", "weekly active"),
        ]),
        new("standard", null, null, null, null, null, [
            new(0, "Welcome email and onboarding call invitation", null),
            new(2, "Onboarding call: configure the account together", "account configured"),
            new(5, "Training session for the team", "team trained"),
            new(10, "First workflow live", "first workflow live"),
            new(21, "Adoption review", "weekly active"),
        ]),
    ];

    public IReadOnlyList<InterventionTrigger> Triggers { get; init; } =
    [
        new("team invited", 3, "No team invited by day 3: CSM sends a personal email offering help."),
        new("first api call", 3, "No API call by day 3: developer advocate reaches out with a working sample."),
        new("first workflow live", 10, "No workflow live by day 10: schedule a hands-on setup session."),
        new("sso configured", 5, "SSO not configured by day 5: escalate to the solutions engineer."),
        new("weekly active", 21, "Not weekly active by day 21: flag at-risk and start the engagement campaign."),
    ];

    /// <summary>Feedback themes by keyword; a line may count for several themes.</summary>
    public IReadOnlyList<KeywordRule> Themes { get; init; } =
    [
        new("performance", ["slow", "fast", "speed", "performance", "lag", "loading", "timeout"]),
        new("usability", ["confusing", "easy", "intuitive", "hard to", "ui", "navigation", "design", "find"]),
        new("pricing", ["price", "pricing", "expensive", "cheap", "cost", "plan", "billing"]),
        new("reliability", ["bug", "crash", "error", "broken", "outage", "down", "reliable"]),
        new("support", ["support", "help", "response", "agent", "ticket"]),
        new("integrations", ["integration", "api", "slack", "salesforce", "webhook", "zapier"]),
        new("features", ["feature", "missing", "would like", "wish", "please add", "request"]),
    ];
}
