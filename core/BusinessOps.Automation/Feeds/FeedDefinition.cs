using BusinessOps.Automation.Issues;

namespace BusinessOps.Automation.Feeds;

/// <summary>
/// One feed of <c>policies/triggers.yml</c>: polled every <see cref="Every"/>, each new entry opens the
/// <see cref="Template"/>'s issue (placeholders <c>{title}</c>, <c>{link}</c>, <c>{published}</c>, <c>{summary}</c>, <c>{feed}</c>).
/// </summary>
public sealed record FeedDefinition(string Id, Uri Url, TimeSpan Every, IssueTemplate Template)
{
    /// <summary>Every placeholder a feed template may use.</summary>
    public static IReadOnlyList<string> Placeholders { get; } = ["title", "link", "published", "summary", "feed", "client", "date"];

    public string? Client { get; init; }

    /// <summary>Most issues one poll opens (GitHub allows 80 content-creating requests a minute); the rest wait for the next poll.</summary>
    public int MaxItemsPerPoll { get; init; } = 10;

    /// <summary>
    /// Entries opened on the very first poll (newest first). Default 0: the first poll only learns what is already
    /// there, so adding a feed does not file its whole backlog.
    /// </summary>
    public int InitialItems { get; init; }
}
