namespace BusinessOps.Core.Labels;

/// <summary>The fourteen agent executables of ARCHITECTURE.md §3 — exact names.</summary>
public static class AgentNames
{
    public const string Architect = "ai-architect-agent";
    public const string Developer = "ai-developer-agent";
    public const string Qa = "ai-qa-agent";
    public const string DevOps = "ai-devops-agent";
    public const string Manager = "ai-manager-agent";
    public const string ProjectManager = "ai-project-manager-agent";
    public const string Marketing = "ai-marketing-agent";
    public const string Sales = "ai-sales-agent";
    public const string Support = "ai-support-agent";
    public const string CustomerSuccess = "ai-customer-success-agent";
    public const string Analytics = "ai-analytics-agent";
    public const string Finance = "ai-finance-agent";
    public const string Operations = "ai-operations-agent";
    public const string Security = "ai-security-agent";

    /// <summary>All fourteen, in the order of the architecture document.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Architect, Developer, Qa, DevOps, Manager, ProjectManager, Marketing,
        Sales, Support, CustomerSuccess, Analytics, Finance, Operations, Security,
    ];

    /// <summary>Accepts the full executable name or the short name (<c>security</c> → <c>ai-security-agent</c>).</summary>
    public static bool TryNormalize(string? name, out string agent)
    {
        agent = string.Empty;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        var n = name.Trim().ToLowerInvariant();
        if (!n.StartsWith("ai-", StringComparison.Ordinal))
        {
            n = "ai-" + n + "-agent";
        }

        foreach (var a in All)
        {
            if (a == n)
            {
                agent = a;
                return true;
            }
        }

        return false;
    }
}
