namespace BusinessOps.TestKit.GitHub;

/// <summary>What the fake server saw, by kind. Rate-limit cost is every answered request except 304s.</summary>
public sealed class FakeGitHubCounters
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

    public long Gets => Interlocked.Read(ref _get);

    public long Posts => Interlocked.Read(ref _post);

    public long Patches => Interlocked.Read(ref _patch);

    public long Puts => Interlocked.Read(ref _put);

    public long Deletes => Interlocked.Read(ref _delete);

    public long Requests => Gets + Posts + Patches + Puts + Deletes;

    public long Writes => Posts + Patches + Puts + Deletes;

    public long NotModified => Interlocked.Read(ref _notModified);

    public long RateLimitCost => Interlocked.Read(ref _cost);

    /// <summary>403/429 answers for a secondary limit (content creation or injected).</summary>
    public long SecondaryLimitResponses => Interlocked.Read(ref _secondary);

    /// <summary>403 answers for a spent primary quota.</summary>
    public long PrimaryLimitResponses => Interlocked.Read(ref _primary);

    /// <summary>Sets every counter back to zero (e.g. between a cold and an idle pass).</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _get, 0);
        Interlocked.Exchange(ref _post, 0);
        Interlocked.Exchange(ref _patch, 0);
        Interlocked.Exchange(ref _put, 0);
        Interlocked.Exchange(ref _delete, 0);
        Interlocked.Exchange(ref _notModified, 0);
        Interlocked.Exchange(ref _cost, 0);
        Interlocked.Exchange(ref _secondary, 0);
        Interlocked.Exchange(ref _primary, 0);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"requests={Requests} (GET {Gets}, POST {Posts}, PATCH {Patches}, PUT {Puts}, DELETE {Deletes}) 304={NotModified} cost={RateLimitCost} secondary={SecondaryLimitResponses} primary={PrimaryLimitResponses}";

    internal void Count(string method)
    {
        switch (method)
        {
            case "GET": Interlocked.Increment(ref _get); break;
            case "POST": Interlocked.Increment(ref _post); break;
            case "PATCH": Interlocked.Increment(ref _patch); break;
            case "PUT": Interlocked.Increment(ref _put); break;
            case "DELETE": Interlocked.Increment(ref _delete); break;
            default: break;
        }
    }

    internal void CountAnswer(int status)
    {
        if (status == 304)
        {
            Interlocked.Increment(ref _notModified);
        }
        else
        {
            Interlocked.Increment(ref _cost);
        }
    }

    internal void CountSecondary() => Interlocked.Increment(ref _secondary);

    internal void CountPrimary() => Interlocked.Increment(ref _primary);
}
