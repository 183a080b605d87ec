namespace BusinessOps.Aws.Http;

/// <summary>Exponential backoff with full jitter (AWS architecture blog), seeded for reproducible tests.</summary>
internal sealed class Backoff(AwsClientOptions options)
{
    private readonly Lock _gate = new();

    // CA5394: jitter only spreads retries over time; it protects nothing, so a seeded PRNG is the right tool.
#pragma warning disable CA5394
    private readonly Random _random = new(options.JitterSeed);

    /// <summary>Delay before retry number <paramref name="attempt"/> (1-based), never shorter than the server's Retry-After.</summary>
    public TimeSpan Next(int attempt, TimeSpan? retryAfter)
    {
        var ceiling = Math.Min(options.MaxBackoff.TotalMilliseconds, options.BaseBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1));
        double jitter;
        lock (_gate)
        {
            jitter = _random.NextDouble();
        }

        var delay = TimeSpan.FromMilliseconds(Math.Max(1, ceiling * jitter));
        return retryAfter is { } hint && hint > delay ? hint : delay;
    }
#pragma warning restore CA5394
}
