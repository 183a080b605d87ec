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
