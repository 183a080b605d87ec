using System.CommandLine;

namespace BusinessOps.Coordinator.Commands.Issues;

/// <summary>Options and arguments several subcommands share, described once.</summary>
internal static class IssueOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Print JSON instead of text (for scripts)." };

    public static Option<string?> As() => new("--as")
    {
        Description = $"Act as this login (default: ${IssueActor.EnvironmentVariable}, else $USER, else '{IssueActor.Fallback}').",
        HelpName = "LOGIN",
    };

    public static Argument<int> Number() => new("number") { Description = "The issue number, e.g. 12 (see 'coordinator issues list')." };

    /// <summary>A repeatable label option; values may also be comma-separated (<c>--label a,b</c>).</summary>
    public static Option<string[]> Labels(string name, string description, bool manyPerToken = false) => new(name)
    {
        Description = description,
        HelpName = "LABEL",
        AllowMultipleArgumentsPerToken = manyPerToken,
    };

    /// <summary>Splits comma-separated values and drops blanks; label names cannot contain commas, so nothing is lost.</summary>
    public static List<string> SplitLabels(IEnumerable<string>? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];
}
