namespace BusinessOps.GitHub;

/// <summary>
/// Configuration of the GitHub adapter. Defaults follow GitHub's published rate-limit guidance; see each property.
/// Exactly one of <see cref="Token"/> and <see cref="App"/> must be set.
/// </summary>
public sealed partial record GitHubOptions
{
    /// <summary>Repository owner (user or organisation), from <c>GITHUB_REPOSITORY</c>.</summary>
    public required string Owner { get; init; }

    /// <summary>Repository name, from <c>GITHUB_REPOSITORY</c>.</summary>
    public required string Repository { get; init; }

    /// <summary>REST base: <c>https://api.github.com</c>, or <c>https://HOST/api/v3</c> on Enterprise Server (<c>GITHUB_API_URL</c>).</summary>
    public Uri ApiUrl { get; init; } = new("https://api.github.com/");

    /// <summary>A personal access token or <c>GITHUB_TOKEN</c>. Never logged.</summary>
    public string? Token { get; init; }

    /// <summary>GitHub App credentials, used instead of <see cref="Token"/>.</summary>
    public GitHubAppCredentials? App { get; init; }

    /// <summary>Login to write as, overriding the lookup (<c>GET /user</c>, or <c>{slug}[bot]</c> for an App).</summary>
    public string? Identity { get; init; }

    /// <summary>ETag and snapshot cache directory; null disables the disk cache. Safe to delete at any time.</summary>
    public string? CacheDirectory { get; init; } = Path.Combine(".businessops", "cache", "github");

    /// <summary>Minimum time between two writes (GitHub: at least 1 s between content-creating requests).</summary>
    public TimeSpan WriteSpacing { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Writes allowed in any rolling hour of this run (GitHub's secondary limit on content creation is 500/hour).
    /// Past it a write waits, or the run defers when the wait outlasts its budget.
    /// </summary>
    public int MaxWritesPerHour { get; init; } = 500;

    /// <summary>Reads in flight at once (GitHub: avoid concurrent requests; 4 is a modest ceiling).</summary>
    public int MaxConcurrentReads { get; init; } = 4;

    /// <summary>How long this run may wait for rate limits in total before it defers to the next run.</summary>
    public TimeSpan RunBudget { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Per-request timeout (a hung request counts as a transient failure).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a GET (and idempotent writes) after a 5xx or a timeout.</summary>
    public int TransientRetries { get; init; } = 3;

    /// <summary>First transient retry delay; doubles each time, plus up to 50% jitter.</summary>
    public TimeSpan TransientBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Waits after a rate-limit answer before giving up with <see cref="Errors.GitHubRateLimitedException"/>.</summary>
    public int RateLimitRetries { get; init; } = 4;

    /// <summary>Wait after a secondary limit without <c>retry-after</c> or reset: at least 60 s, doubling.</summary>
    public TimeSpan SecondaryLimitBaseDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Sent as <c>User-Agent</c> (GitHub rejects requests without one).</summary>
    public string UserAgent { get; init; } = "BusinessOps-Coordinator";

    /// <summary>Seed of the retry jitter, so runs are reproducible.</summary>
    public int JitterSeed { get; init; } = 17;

    /// <summary>Throws <see cref="ArgumentException"/> with a one-line reason when the options cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Owner) || string.IsNullOrWhiteSpace(Repository))
        {
            throw new ArgumentException("GitHub repository must be OWNER/NAME (set GITHUB_REPOSITORY).");
        }

        if (string.IsNullOrEmpty(Token) == (App is null))
        {
            throw new ArgumentException("Set exactly one of a token (GITHUB_TOKEN) or GitHub App credentials.");
        }

        if (!ApiUrl.IsAbsoluteUri || (ApiUrl.Scheme != Uri.UriSchemeHttps && ApiUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("GITHUB_API_URL must be an absolute http(s) URL.");
        }

        if (MaxConcurrentReads < 1 || MaxWritesPerHour < 1 || WriteSpacing < TimeSpan.Zero || RunBudget < TimeSpan.Zero || RequestTimeout <= TimeSpan.Zero || TransientRetries < 0 || RateLimitRetries < 0)
        {
            throw new ArgumentException("GitHub options out of range: reads ≥ 1, spacing/budget ≥ 0, timeout > 0, retries ≥ 0.");
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"GitHubOptions {{ {Owner}/{Repository} at {ApiUrl}, auth = {(App is null ? "token ***" : "app " + App.AppId)} }}";
}
