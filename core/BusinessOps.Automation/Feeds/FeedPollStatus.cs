namespace BusinessOps.Automation.Feeds;

/// <summary>How one poll went.</summary>
public enum FeedPollStatus
{
    /// <summary>304 Not Modified: nothing downloaded, nothing to do.</summary>
    Unchanged,

    /// <summary>The feed was read (there may or may not be new entries).</summary>
    Read,

    /// <summary>Unreachable, an error status, too large, too slow, or not a feed; <see cref="FeedPollResult.Error"/> says which.</summary>
    Failed,
}
