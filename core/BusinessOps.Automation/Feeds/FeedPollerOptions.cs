namespace BusinessOps.Automation.Feeds;

/// <summary>Bounds of one poll.</summary>
public sealed record FeedPollerOptions
{
    /// <summary>Largest feed accepted (2 MB); real feeds are tens of kilobytes.</summary>
    public long MaxBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>Whole-request limit, headers and body, so a server that never answers or drips bytes cannot stall the pass.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);
}
