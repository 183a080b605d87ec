namespace BusinessOps.Automation.Feeds;

/// <summary>The feed formats read.</summary>
public enum FeedFormat
{
    Rss,
    Atom,
    JsonFeed,
}
