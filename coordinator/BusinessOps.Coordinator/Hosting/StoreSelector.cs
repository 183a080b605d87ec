using BusinessOps.Coordinator.Logging;
using BusinessOps.Core;
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

    /// <summary>
    /// A SQLite path the user named (<paramref name="requested"/> given) must be an existing file: a typo must not answer
    /// "no open issues" from a new, empty store. The default path may be created.
    /// </summary>
    /// <exception cref="IssueStoreException"><see cref="StoreErrorKind.Invalid"/> when the named file is not there.</exception>
    public static void RequireExisting(string? requested, string resolved)
    {
        if (string.IsNullOrWhiteSpace(requested) || resolved == GitHub || File.Exists(resolved))
        {
            return;
        }

        var what = Directory.Exists(resolved) ? "is a directory, not a store file" : "does not exist";
        throw new IssueStoreException(StoreErrorKind.Invalid, $"The store '{resolved}' {what}: check --store (a new store is created by 'coordinator issues file --store PATH …' or 'coordinator demo').");
    }

    /// <summary>Opens the store the coordinator writes through (as its bot identity); unreadable rows are logged once as warnings.</summary>
    public static IIssueStore Open(string resolved, TimeProvider clock, IReadOnlyDictionary<string, string?> env, Log log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (resolved == GitHub)
        {
            return GitHubStoreFactory.Open(env, clock);
        }

        var options = SqliteIssueStoreOptions.Default with { UnreadableRow = log.Warn };
        return SqliteIssueStore.Open(resolved, BotIdentity.Login, options, clock, BotIdentity.Login);
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
