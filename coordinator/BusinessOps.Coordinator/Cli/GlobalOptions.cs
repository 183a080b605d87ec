using System.CommandLine;
using BusinessOps.Logging;

namespace BusinessOps.Coordinator.Cli;

/// <summary>Options every command takes.</summary>
public sealed class GlobalOptions
{
    public Option<string?> Policies { get; } = new("--policies")
    {
        Description = "Folder of policy files (default: ./policies, else the copy shipped beside the coordinator); a folder you name must exist",
        Recursive = true,
    };

    public Option<string?> Store { get; } = new("--store")
    {
        Description = "Issue store: a SQLite file path (default .businessops/ops.db), or 'github' (uses GITHUB_TOKEN and GITHUB_REPOSITORY)",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Log every label change, agent stderr and timing to stderr",
        Recursive = true,
    };

    public Option<string?> LogFormat { get; } = new("--log-format")
    {
        Description = $"Log lines on stderr as {LogFormats.Choices} (default: json when CI, GITHUB_ACTIONS or AWS_LAMBDA_RUNTIME_API is set, else text)",
        HelpName = "text|json",
        Recursive = true,
    };
}
