using BusinessOps.Core.Ports;
using BusinessOps.LocalStore;

namespace BusinessOps.Coordinator.Hosting;

/// <summary>
/// Picks the issue store: GitHub when <c>--store github</c>, or when credentials and <c>GITHUB_REPOSITORY</c> are set
/// and no path was given; otherwise the embedded SQLite store.
/// </summary>
public static class StoreSelector
{
    public const string DefaultPath = ".businessops/ops.db";
    public const string GitHub = "github";
    public const string BotIdentity = "businessops[bot]";

    /// <summary>What <c>--store</c> resolves to: <c>github</c> or a full SQLite path.</summary>
    public static string Resolve(string? requested, IReadOnlyDictionary<string, string?> env)
    {
        if (string.Equals(requested, GitHub, StringComparison.OrdinalIgnoreCase))
        {
            return GitHub;
        }

        if (requested is null && HasGitHub(env))
        {
            return GitHub;
        }

        return Path.GetFullPath(requested ?? DefaultPath);
    }

    /// <summary>Opens the store the coordinator writes through (as its bot identity).</summary>
    public static IIssueStore Open(string resolved, TimeProvider clock, IReadOnlyDictionary<string, string?> env)
    {
        if (resolved == GitHub)
        {
            return GitHubStoreFactory.Open(env, clock);
        }

        return SqliteIssueStore.Open(resolved, BotIdentity, clock, BotIdentity);
    }

    public static bool HasGitHub(IReadOnlyDictionary<string, string?> env) =>
        !string.IsNullOrEmpty(env.GetValueOrDefault("GITHUB_REPOSITORY"))
        && (!string.IsNullOrEmpty(env.GetValueOrDefault("GITHUB_TOKEN")) || !string.IsNullOrEmpty(env.GetValueOrDefault("BUSINESSOPS_GITHUB_APP_ID")));

    public static IReadOnlyDictionary<string, string?> Environment()
    {
        var map = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry e in System.Environment.GetEnvironmentVariables())
        {
            map[(string)e.Key] = e.Value as string;
        }

        return map;
    }
}
