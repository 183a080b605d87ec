namespace BusinessOps.Coordinator.Commands.Issues;

/// <summary>Who a person using <c>coordinator issues</c> writes as when they do not say <c>--as LOGIN</c>.</summary>
public static class IssueActor
{
    /// <summary>The environment variable that names the default actor.</summary>
    public const string EnvironmentVariable = "BUSINESSOPS_ACTOR";

    /// <summary>The last resort when neither <c>--as</c>, <c>BUSINESSOPS_ACTOR</c> nor <c>USER</c> says who you are.</summary>
    public const string Fallback = "you";

    /// <summary><paramref name="explicitLogin"/> if given, else <c>BUSINESSOPS_ACTOR</c>, else <c>USER</c>, else <c>you</c>.</summary>
    public static string Resolve(string? explicitLogin, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return FirstNonBlank(explicitLogin, environment(EnvironmentVariable), environment("USER")) ?? Fallback;
    }

    private static string? FirstNonBlank(params string?[] candidates) =>
        candidates.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c))?.Trim();
}
