using System.Text.RegularExpressions;

namespace BusinessOps.Coordinator.Logging;

/// <summary>
/// Every log line passes through here (as in actions/runner): known secret values from the environment and
/// token-shaped strings are replaced by <c>***</c>.
/// </summary>
public static partial class SecretMasker
{
    private static readonly string[] SecretVariables =
    [
        "GITHUB_TOKEN", "GH_TOKEN", "BUSINESSOPS_GITHUB_APP_PRIVATE_KEY", "GITHUB_APP_PRIVATE_KEY",
        "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
    ];

    private static readonly Lazy<string[]> Values = new(() =>
        [.. SecretVariables.Select(Environment.GetEnvironmentVariable).Where(v => v is { Length: >= 8 }).Select(v => v!)]);

    public static string Mask(string line)
    {
        foreach (var secret in Values.Value)
        {
            line = line.Replace(secret, "***", StringComparison.Ordinal);
        }

        return TokenShape().Replace(line, "***");
    }

    [GeneratedRegex(@"\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|AKIA[0-9A-Z]{16}|ASIA[0-9A-Z]{16})\b", RegexOptions.CultureInvariant)]
    private static partial Regex TokenShape();
}
