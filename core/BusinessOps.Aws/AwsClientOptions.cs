namespace BusinessOps.Aws;

/// <summary>Retry, timeout and pacing knobs of the AWS clients. The defaults suit the coordinator; tests shrink them.</summary>
public sealed record AwsClientOptions
{
    public static AwsClientOptions Default { get; } = new();

    /// <summary>Attempts per call including the first, for throttling (any call) and 5xx/timeouts (read-only calls).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>First backoff; doubles per attempt, full jitter, capped by <see cref="MaxBackoff"/>.</summary>
    public TimeSpan BaseBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Per-attempt network timeout. An endpoint that hangs becomes a transient error after this long.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>SubmitJob calls per second, evenly spaced, so any one-second window holds at most this many calls.</summary>
    public double SubmitJobsPerSecond { get; init; } = 40;

    /// <summary>Seed of the backoff jitter; fixed seeds make tests reproducible.</summary>
    public int JitterSeed { get; init; } = Environment.ProcessId;
}
