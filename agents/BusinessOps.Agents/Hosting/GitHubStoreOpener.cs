using BusinessOps.Core.Ports;
using BusinessOps.GitHub;

namespace BusinessOps.Agents.Hosting;

/// <summary>
/// Opens the GitHub store from the environment inside Batch, Lambda or Actions: the agent fetches its issue and writes
/// its result back exactly as locally. Misconfiguration is one actionable line.
/// </summary>
internal static class GitHubStoreOpener
{
    public static IIssueStore Open() =>
        GitHubIssueStore.TryFromEnvironment(ProcessEnvironment(), TimeProvider.System, out var store, out var error)
            ? store!
            : throw new IssueStoreException(StoreErrorKind.Unauthorized, error ?? "GitHub is not configured: set GITHUB_TOKEN and GITHUB_REPOSITORY.");

    /// <summary>The process environment as the adapters' <c>TryFromEnvironment</c>/loaders take it.</summary>
    public static Dictionary<string, string?> ProcessEnvironment()
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            env[(string)e.Key] = e.Value as string;
        }

        return env;
    }
}
