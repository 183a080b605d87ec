namespace BusinessOps.Automation.Feeds;

/// <summary>
/// One entry of a feed. <see cref="Id"/> is the entry's own id (RSS guid, Atom id, JSON Feed id), else its link,
/// else a hash of title and date: what deduplication across runs compares. All text is untrusted.
/// </summary>
public sealed record FeedItem(string Id, string Title, string? Link, DateTimeOffset? Published, string? Summary);
