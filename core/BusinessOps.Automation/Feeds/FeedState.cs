using System.Text.Json.Serialization;

namespace BusinessOps.Automation.Feeds;

/// <summary>
/// What the poller remembers of one feed between runs (kept in the automation ledger): the validators for a
/// conditional GET, and hashes of the entry ids already seen, newest first, bounded.
/// </summary>
public sealed record FeedState(string? ETag, string? LastModified, IReadOnlyList<string> Seen, DateTimeOffset? LastPolled)
{
    /// <summary>Entry ids remembered per feed; feeds list their latest 10–100 entries, so this covers any feed's window.</summary>
    public const int MaxSeen = 1000;

    public static FeedState New { get; } = new(null, null, [], null);

    /// <summary>
    /// True while no poll has read the feed yet (every one failed): the first successful read then only learns what is
    /// there, as a first poll does, instead of opening the whole backlog. Not written when false, so ledgers stay as they were.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool NotYetRead { get; init; }

    /// <summary>True when the feed is due for a poll at <paramref name="now"/>.</summary>
    public bool IsDue(DateTimeOffset now, TimeSpan every) => LastPolled is not { } last || now - last >= every;
}
