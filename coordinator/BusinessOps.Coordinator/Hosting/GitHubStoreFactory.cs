using BusinessOps.Core.Ports;
using BusinessOps.GitHub;

namespace BusinessOps.Coordinator.Hosting;

/// <summary>Opens the GitHub store from the environment (token or App, GITHUB_REPOSITORY, GITHUB_API_URL).</summary>
internal static class GitHubStoreFactory
{
    public const string DefaultCacheDirectory = ".businessops/cache";

    public static IIssueStore Open(IReadOnlyDictionary<string, string?> env, TimeProvider clock)
    {
        if (!GitHubIssueStore.TryFromEnvironment(env, clock, out var store, out var error))
        {
            // Missing configuration is bad usage (exit 2): rerunning cannot fix it, setting the variables can.
            throw new IssueStoreException(
                StoreErrorKind.Invalid,
                $"--store github: {error ?? "GitHub is not configured."} Set GITHUB_TOKEN (or the GitHub App variables) and GITHUB_REPOSITORY=owner/name (docs/INSTALL-GITHUB.md), or use a local store: --store PATH.");
        }

        return store!;
    }

    /// <summary><c>--full</c>: forget the conditional-request cache, so the next list is a cold, complete walk.</summary>
    public static void ForgetCache(IReadOnlyDictionary<string, string?> env)
    {
        var dir = env.GetValueOrDefault("BUSINESSOPS_GITHUB_CACHE_DIR") is { Length: > 0 } d ? d : Path.Combine(DefaultCacheDirectory, "github");
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
