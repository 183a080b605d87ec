using BusinessOps.Core.Issues;

namespace BusinessOps.Coordinator.Commands.Issues.Json;

/// <summary>One issue as <c>show --json</c> and <c>file --json</c> print it. Bodies are verbatim (markers included).</summary>
public sealed record IssueJson(
    int Number,
    string Title,
    string Body,
    string State,
    IReadOnlyList<string> Labels,
    string Author,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<CommentJson> Comments)
{
    public static IssueJson From(IssueSnapshot issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        return new(
            issue.Number,
            issue.Title,
            issue.Body,
            IssueStateText.Of(issue.State),
            issue.Labels,
            issue.Author,
            issue.CreatedAt,
            issue.UpdatedAt,
            [.. issue.Comments.Select(CommentJson.From)]);
    }
}
