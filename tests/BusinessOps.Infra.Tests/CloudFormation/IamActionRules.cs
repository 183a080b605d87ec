namespace BusinessOps.Infra.Tests.CloudFormation;

/// <summary>The least-privilege rules every permission statement must keep.</summary>
public static class IamActionRules
{
    /// <summary>
    /// Actions for which AWS offers no resource-level permission, so <c>Resource: "*"</c> is the only option.
    /// Any other action must name its resources.
    /// </summary>
    public static IReadOnlySet<string> ResourceStarOnly { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "batch:DescribeJobs",
        "batch:ListJobs",
        "batch:DescribeJobQueues",
        "ecr:GetAuthorizationToken",
    };

    /// <summary>Why <paramref name="action"/> is not allowed in a statement, or null when it is.</summary>
    public static string? Violation(string action) => action switch
    {
        "*" => "grants every action",
        _ when action.StartsWith('!') => "is computed by " + action + "; actions must be literal to be reviewable",
        _ when !action.Contains(':', StringComparison.Ordinal) => "is not service:Action",
        _ when action.EndsWith(":*", StringComparison.Ordinal) => "grants a whole service",
        _ when action.Contains('*', StringComparison.Ordinal) => "uses a wildcard; name each action",
        _ => null,
    };
}
