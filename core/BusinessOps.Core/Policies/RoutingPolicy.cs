using BusinessOps.Core.Agents;
using BusinessOps.Core.Labels;

namespace BusinessOps.Core.Policies;

/// <summary>
/// <c>policies/routing.yml</c>: ordered rules, first match wins; <c>agent/&lt;name&gt;</c> labels override.
/// A pattern is an exact label (<c>dev/qa</c>) or a family (<c>marketing/*</c>, matching any <c>marketing/…</c>).
/// </summary>
public sealed record RoutingPolicy(IReadOnlyList<RoutingRule> Rules)
{
    public static RoutingPolicy Default { get; } = new(
    [
        new("operations/monitoring", AgentNames.Operations, "Endpoint health checks"),
        new("operations/optimization", AgentNames.Operations, "Operational optimization"),
        new("support/quality-assurance", AgentNames.Support, "Support ticket triage"),
        new("analytics/reporting", AgentNames.Analytics, "KPI reporting"),
        new("security/compliance", AgentNames.Security, "Secret scanning and compliance"),
        new("success/user-research", AgentNames.CustomerSuccess, "Customer health"),
        new("finance/analysis", AgentNames.Finance, "Invoice validation"),
        new("dev/architecture", AgentNames.Architect, "Architecture decisions"),
        new("dev/implementation", AgentNames.Developer, "Implementation planning"),
        new("dev/qa", AgentNames.Qa, "Quality gates"),
        new("dev/deploy", AgentNames.DevOps, "Deployment plans"),
        new("dev/management", AgentNames.Manager, "Triage and routing"),
        new("marketing/*", AgentNames.Marketing, "Marketing"),
        new("sales/*", AgentNames.Sales, "Sales"),
        new("management/*", AgentNames.ProjectManager, "Project oversight"),
        new("operations/*", AgentNames.Operations, "Operations"),
        new("support/*", AgentNames.Support, "Support"),
        new("analytics/*", AgentNames.Analytics, "Analytics"),
        new("security/*", AgentNames.Security, "Security"),
        new("success/*", AgentNames.CustomerSuccess, "Customer success"),
        new("finance/*", AgentNames.Finance, "Finance"),
    ]);

    /// <summary>
    /// Keywords the manager agent's triage scores a free-text request with (<c>triage:</c>); ties go to the earlier
    /// route. Each route's agent is where its label routes under <see cref="Rules"/>.
    /// </summary>
    public IReadOnlyList<TriageRoute> Triage { get; init; } = DefaultTriage;

    /// <summary>The embedded triage keywords (the shipped <c>routing.yml</c> has the same).</summary>
    public static IReadOnlyList<TriageRoute> DefaultTriage { get; } =
    [
        new("security/compliance", AgentNames.Security, ["secret", "credential", "token", "leak", "leaked", "vulnerability", "cve", "password", "compliance", "breach"]),
        new("operations/monitoring", AgentNames.Operations, ["outage", "down", "health check", "endpoint", "uptime", "latency", "monitoring", "503", "500", "unreachable"]),
        new("finance/analysis", AgentNames.Finance, ["invoice", "payment", "vendor", "tax", "budget", "expense", "reimbursement", "billing"]),
        new("support/quality-assurance", AgentNames.Support, ["customer", "ticket", "complaint", "refund", "help", "cannot log in", "support"]),
        new("sales/leads", AgentNames.Sales, ["lead", "prospect", "deal", "quote", "pricing", "demo request", "opportunity"]),
        new("marketing/seo", AgentNames.Marketing, ["seo", "campaign", "landing page", "blog", "content", "keyword", "newsletter"]),
        new("success/user-research", AgentNames.CustomerSuccess, ["churn", "renewal", "health score", "adoption", "onboarding", "nps"]),
        new("analytics/reporting", AgentNames.Analytics, ["kpi", "report", "metrics", "dashboard", "throughput", "analytics"]),
        new("dev/qa", AgentNames.Qa, ["test", "tests", "coverage", "junit", "flaky", "regression"]),
        new("dev/deploy", AgentNames.DevOps, ["deploy", "deployment", "release", "rollback", "rollout"]),
        new("dev/architecture", AgentNames.Architect, ["architecture", "design decision", "adr", "trade-off", "evaluate options"]),
        new("dev/implementation", AgentNames.Developer, ["feature", "implement", "acceptance criteria", "story", "bug fix"]),
        new("management/oversight", AgentNames.ProjectManager, ["escalated", "blocked", "overdue", "status report", "portfolio"]),
    ];

    /// <summary>The first rule that matches <paramref name="label"/>, or null.</summary>
    public RoutingRule? Match(string label)
    {
        foreach (var rule in Rules)
        {
            if (rule.Matches(label))
            {
                return rule;
            }
        }

        return null;
    }
}

/// <summary>One routing rule. <see cref="Description"/> becomes the label's description in <c>labels sync</c>.</summary>
public sealed record RoutingRule(string Pattern, string Agent, string Description = "")
{
    public bool IsFamily => Pattern.EndsWith("/*", StringComparison.Ordinal);

    public bool Matches(string label) => IsFamily
        ? label.Length > Pattern.Length - 1 && label.StartsWith(Pattern[..^1], StringComparison.OrdinalIgnoreCase)
        : string.Equals(label, Pattern, StringComparison.OrdinalIgnoreCase);
}
