using BusinessOps.Automation.Issues;

namespace BusinessOps.Automation.Feeds;

/// <summary>One poll: the new entries with the issues they open (oldest first), the state to store, or why it failed.</summary>
public sealed record FeedPollResult(FeedPollStatus Status, FeedState State, IReadOnlyList<FeedItem> NewItems, IReadOnlyList<IssueSpec> Issues, string? Error);
