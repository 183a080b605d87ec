namespace BusinessOps.Logging;

/// <summary>Chooses the <see cref="LogFormat"/>: what was asked, else what the environment says, else JSON where a machine reads the log.</summary>
public static class LogFormats
{
    /// <summary>Carries the coordinator's choice to the agents it starts (children inherit it).</summary>
    public const string EnvironmentVariable = "BUSINESSOPS_LOG_FORMAT";

    /// <summary>The accepted spellings, for help and errors.</summary>
    public const string Choices = "text or json";

    // Set by CI systems, GitHub Actions and the Lambda runtime: a machine reads the log there.
    private static readonly string[] MachineMarkers = ["CI", "GITHUB_ACTIONS", "AWS_LAMBDA_RUNTIME_API"];

    /// <summary>Parses <c>text</c> or <c>json</c> (any case).</summary>
    public static bool TryParse(string? text, out LogFormat format)
    {
        format = LogFormat.Text;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "text":
                return true;
            case "json":
                format = LogFormat.Json;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// <paramref name="requested"/> when given (null when it is not a format); else <see cref="EnvironmentVariable"/>; else JSON
    /// when <c>CI</c>, <c>GITHUB_ACTIONS</c> or <c>AWS_LAMBDA_RUNTIME_API</c> is set; else text.
    /// </summary>
    public static LogFormat? Choose(string? requested, IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrWhiteSpace(requested))
        {
            return TryParse(requested, out var asked) ? asked : null;
        }

        if (TryParse(environment.GetValueOrDefault(EnvironmentVariable), out var inherited))
        {
            return inherited;
        }

        return MachineMarkers.Any(m => !string.IsNullOrEmpty(environment.GetValueOrDefault(m))) ? LogFormat.Json : LogFormat.Text;
    }
}
