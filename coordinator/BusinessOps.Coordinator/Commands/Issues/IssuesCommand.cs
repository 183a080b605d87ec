using System.CommandLine;

namespace BusinessOps.Coordinator.Commands.Issues;

/// <summary>
/// <c>coordinator issues …</c>: drives the local SQLite issue store the way <c>gh issue</c> drives GitHub —
/// file, import, list, show, comment, label, close, reopen, and collaborators with their permissions.
/// </summary>
public static class IssuesCommand
{
    /// <summary>Where the store lives when <c>--store</c> is not given (relative to the working directory).</summary>
    public const string DefaultStorePath = ".businessops/ops.db";

    /// <summary>
    /// Builds the command group. <paramref name="storeOption"/> is the root's recursive <c>--store</c> option (null or
    /// blank means <see cref="DefaultStorePath"/>); <paramref name="clock"/> stamps writes (tests pass a fake);
    /// <paramref name="environment"/> holds the GitHub settings <c>import --store github</c> uses (default: the process's);
    /// <paramref name="stdin"/> opens what <c>import -</c> reads (default: the process's standard input).
    /// </summary>
    public static Command Create(Option<string?> storeOption, TimeProvider clock, IReadOnlyDictionary<string, string?>? environment = null, Func<Stream>? stdin = null)
    {
        ArgumentNullException.ThrowIfNull(storeOption);
        ArgumentNullException.ThrowIfNull(clock);
        var settings = new IssueCommandSettings(storeOption, clock, environment ?? Hosting.StoreSelector.Environment(), stdin ?? Console.OpenStandardInput);
        return new Command("issues", "Work with issues in the local store (.businessops/ops.db) like 'gh issue': file, list, show, comment, label, close.")
        {
            FileCommand.Create(settings),
            ListCommand.Create(settings),
            ShowCommand.Create(settings),
            CommentCommand.Create(settings),
            LabelCommand.Create(settings),
            StateCommand.Close(settings),
            StateCommand.Reopen(settings),
            CollaboratorCommand.Create(settings),
            Import.ImportCommand.Create(settings),
        };
    }
}
