namespace BusinessOps.GitHub.Http;

/// <summary>
/// Counters of what a <see cref="GitHubIssueStore"/> sent to GitHub (counted next to the socket), for benchmarks and run summaries.
/// Rate-limit cost counts every answered request except 304s (which GitHub does not charge).
/// </summary>
public sealed class GitHubStats
{
    private long _get;
    private long _post;
    private long _patch;
    private long _put;
    private long _delete;
    private long _notModified;
    private long _cost;
    private long _secondary;
    private long _primary;
    private long _retries;

    public long Gets => Interlocked.Read(ref _get);

    public long Posts => Interlocked.Read(ref _post);

    public long Patches => Interlocked.Read(ref _patch);

    public long Puts => Interlocked.Read(ref _put);

    public long Deletes => Interlocked.Read(ref _delete);

    /// <summary>All requests that reached the server.</summary>
    public long Requests => Gets + Posts + Patches + Puts + Deletes;

    /// <summary>Writes (POST, PATCH, PUT, DELETE).</summary>
    public long Writes => Posts + Patches + Puts + Deletes;

    /// <summary>Conditional GETs answered 304 Not Modified (free).</summary>
    public long NotModified => Interlocked.Read(ref _notModified);

    /// <summary>Requests that count against the primary rate limit (non-304 answers).</summary>
    public long RateLimitCost => Interlocked.Read(ref _cost);

    /// <summary>403/429 answers that were secondary (abuse / content-creation) limits.</summary>
    public long SecondaryLimitResponses => Interlocked.Read(ref _secondary);

    /// <summary>403/429 answers with the primary quota spent.</summary>
    public long PrimaryLimitResponses => Interlocked.Read(ref _primary);

    /// <summary>Requests repeated after a transient failure or a rate-limit wait.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <inheritdoc/>
    public override string ToString() =>
        $"requests={Requests} (GET {Gets}, POST {Posts}, PATCH {Patches}, PUT {Puts}, DELETE {Deletes}) 304={NotModified} cost={RateLimitCost} secondary={SecondaryLimitResponses} primary={PrimaryLimitResponses} retries={Retries}";

    internal void CountRequest(HttpMethod method)
    {
        if (method == HttpMethod.Get)
        {
            Interlocked.Increment(ref _get);
        }
        else if (method == HttpMethod.Post)
        {
            Interlocked.Increment(ref _post);
        }
        else if (method == HttpMethod.Patch)
        {
            Interlocked.Increment(ref _patch);
        }
        else if (method == HttpMethod.Put)
        {
            Interlocked.Increment(ref _put);
        }
        else if (method == HttpMethod.Delete)
        {
            Interlocked.Increment(ref _delete);
        }
    }

    internal void CountAnswer(bool notModified)
    {
        if (notModified)
        {
            Interlocked.Increment(ref _notModified);
        }
        else
        {
            Interlocked.Increment(ref _cost);
        }
    }

    internal void CountLimit(bool secondary) => Interlocked.Increment(ref secondary ? ref _secondary : ref _primary);

    internal void CountRetry() => Interlocked.Increment(ref _retries);
}
