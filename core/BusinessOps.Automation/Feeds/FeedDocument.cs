namespace BusinessOps.Automation.Feeds;

/// <summary>A parsed feed: its title and entries in document order (usually newest first).</summary>
public sealed record FeedDocument(FeedFormat Format, string? Title, IReadOnlyList<FeedItem> Items);
