using BusinessOps.Core;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Scrubbing;
using BusinessOps.LocalStore;

namespace BusinessOps.Agents.Hosting;

/// <summary>
/// How the host turns <c>--store PATH</c> (or <c>BUSINESSOPS_STORE</c>) into an <see cref="IIssueStore"/>.
/// The default opens the SQLite store at the path (writing as the bot identity, like the coordinator) and, for
/// <c>github</c>, the GitHub store from the environment. Tests replace it.
/// </summary>
public static class StoreResolver
{
    /// <summary>The environment variable read when <c>--store</c> is not given.</summary>
    public const string EnvironmentVariable = "BUSINESSOPS_STORE";

    /// <summary>Maps a store path (or <c>github</c>) to a store; null means "no adapter available".</summary>
    public static Func<string, IIssueStore?> StoreFactory { get; set; } = Open;

    // Every write-back goes through the one masker and neutraliser, as the coordinator's writes do.
    private static IIssueStore? Open(string location)
    {
        SecretMasker.Process.AddFromEnvironment(GitHubStoreOpener.ProcessEnvironment());
        IIssueStore store = string.Equals(location, "github", StringComparison.OrdinalIgnoreCase)
            ? GitHubStoreOpener.Open()
            : SqliteIssueStore.Open(location, BotIdentity.Login, TimeProvider.System, BotIdentity.Login);
        return ScrubbingIssueStore.Wrap(store, SecretMasker.Process);
    }

    /// <summary>The store location to use: the explicit argument, else the environment variable, else null.</summary>
    internal static string? Location(string? argument)
    {
        if (!string.IsNullOrWhiteSpace(argument))
        {
            return argument;
        }

        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(env) ? null : env;
    }
}
