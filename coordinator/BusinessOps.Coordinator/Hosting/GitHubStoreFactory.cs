using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Hosting;

/// <summary>Opens the GitHub store from the environment (wired when the GitHub adapter lands).</summary>
internal static class GitHubStoreFactory
{
    public static IIssueStore Open(IReadOnlyDictionary<string, string?> env, TimeProvider clock) =>
        throw new IssueStoreException(StoreErrorKind.Unauthorized, "The GitHub store is not available in this build; use a SQLite --store path.");
}
