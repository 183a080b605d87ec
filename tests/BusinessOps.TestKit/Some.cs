using BusinessOps.Core.Issues;

namespace BusinessOps.TestKit;

/// <summary>Value builders for tests: <c>Some.Issue(labels: ["dev/qa"])</c>.</summary>
public static class Some
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public static IssueSnapshot Issue(
        int number = 1,
        string title = "Check the release quality",
        string body = "### Request\n\nPlease look at it.",
        IReadOnlyList<string>? labels = null,
        string author = "dana",
        DateTimeOffset? createdAt = null,
        IReadOnlyList<IssueComment>? comments = null) =>
        new(number, title, body, IssueState.Open, labels ?? [], author, createdAt ?? Epoch, createdAt ?? Epoch, comments ?? []);

    public static IssueComment Comment(long id, string author, string body, DateTimeOffset? at = null, DateTimeOffset? editedAt = null, bool bot = false) =>
        new(id, author, body, at ?? Epoch, editedAt ?? at ?? Epoch, bot);
}
