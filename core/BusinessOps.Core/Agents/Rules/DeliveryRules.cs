namespace BusinessOps.Core.Agents.Rules;

/// <summary>
/// <c>policies/delivery.yml</c>: the developer's estimation model, the devops agent's deployment pre-checks (freeze windows,
/// approvals) and the project manager's decision-brief weights.
/// </summary>
public sealed record DeliveryRules
{
    public static DeliveryRules Default { get; } = new();

    /// <summary>Points every task starts with.</summary>
    public int BasePoints { get; init; } = 1;

    public IReadOnlyList<EstimateDriver> Drivers { get; init; } =
    [
        new("integration", 3, ["integration", "integrate", "external", "third-party", "third party", "webhook", "sync", "crm", "provider"]) { Floor = 8 },
        new("security", 5, ["sso", "saml", "oidc", "oauth", "auth", "authentication", "login", "permission", "role", "security", "encrypt", "mfa", "2fa", "sign-on", "single sign-on", "sign in", "sign-in"]) { Floor = 13 },
        new("data-migration", 5, ["migration", "migrate", "schema", "backfill", "data migration", "database"]) { Floor = 8 },
        new("api", 2, ["api", "endpoint", "rest", "graphql"]),
        new("ui", 2, ["ui", "page", "screen", "form", "frontend", "dashboard", "button"]),
        new("performance", 2, ["performance", "cache", "latency", "scale", "throughput"]),
        new("data", 1, ["report", "export", "import", "csv", "email", "notification"]),
    ];

    /// <summary>Words that mark an unknown; each task with one is multiplied by <see cref="UnknownsMultiplier"/>.</summary>
    public IReadOnlyList<string> UnknownWords { get; init; } = ["tbd", "unknown", "unclear", "investigate", "spike", "research", "maybe", "somehow"];

    public double UnknownsMultiplier { get; init; } = 1.5;

    public int HoursPerPoint { get; init; } = 4;

    /// <summary>The test task's share of the other tasks' points.</summary>
    public double TestShare { get; init; } = 0.3;

    public IReadOnlyList<FreezeWindow> FreezeWindows { get; init; } = [new("year-end freeze", "2026-12-20", "2027-01-03", ["production"])];

    /// <summary>Approvals a deployment needs, per environment (absent: none).</summary>
    public IReadOnlyDictionary<string, int> RequiredApprovals { get; init; } = new Dictionary<string, int> { ["production"] = 1 };

    /// <summary>Decision-brief criteria and weights (sum 1).</summary>
    public IReadOnlyDictionary<string, double> DecisionWeights { get; init; } = new Dictionary<string, double> { ["financial"] = 0.4, ["strategic"] = 0.3, ["risk"] = 0.2, ["feasibility"] = 0.1 };

    /// <summary>Decision-brief scenarios: each option's expected benefit times these factors (optimistic, realistic, pessimistic).</summary>
    public IReadOnlyDictionary<string, double> ScenarioFactors { get; init; } = new Dictionary<string, double> { ["optimistic"] = 1.25, ["realistic"] = 1.0, ["pessimistic"] = 0.6 };

    /// <summary>Confidence above this is high.</summary>
    public double HighConfidence { get; init; } = 0.85;

    /// <summary>Confidence from this up to high is medium; below, low.</summary>
    public double MediumConfidence { get; init; } = 0.60;

    /// <summary>Where the project manager's oversight briefing is posted besides the result comment: empty, <c>#N</c> or a chat endpoint's name.</summary>
    public string OversightTo { get; init; } = string.Empty;

    /// <summary>Who owns an escalated or blocked issue, by agent (fallback <c>ops-lead</c>).</summary>
    public IReadOnlyDictionary<string, string> Owners { get; init; } = new Dictionary<string, string>
    {
        ["ai-finance-agent"] = "finance-manager",
        ["ai-support-agent"] = "support-lead",
        ["ai-customer-success-agent"] = "head-of-customer-success",
        ["ai-security-agent"] = "security-lead",
        ["ai-devops-agent"] = "platform-lead",
        ["ai-qa-agent"] = "qa-lead",
        ["ai-sales-agent"] = "sales-director",
        ["ai-marketing-agent"] = "marketing-lead",
        ["ai-operations-agent"] = "on-call",
        ["ai-developer-agent"] = "engineering-manager",
        ["ai-architect-agent"] = "engineering-manager",
        ["ai-analytics-agent"] = "ops-lead",
        ["ai-manager-agent"] = "ops-lead",
        ["ai-project-manager-agent"] = "ops-lead",
    };
}
