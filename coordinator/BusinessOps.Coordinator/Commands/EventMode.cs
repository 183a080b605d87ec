using System.CommandLine;
using BusinessOps.Coordinator.Cli;

namespace BusinessOps.Coordinator.Commands;

/// <summary><c>run --event PATH</c>: reconcile the one issue of a webhook payload (wired with the GitHub adapter).</summary>
internal static class EventMode
{
    public static async Task<int> RunAsync(ParseResult parse, GlobalOptions g, string path, bool dryRun, bool json, string? executor, CancellationToken ct)
    {
        await Console.Error.WriteLineAsync("--event needs the GitHub adapter, which is not in this build yet.");
        return ExitCodes.BadInput;
    }
}
