using BusinessOps.Core.Issues;

namespace BusinessOps.Coordinator.Commands.Issues.Json;

/// <summary>One row of <c>list --json</c>: the issue without its body and comments (their number is given).</summary>
public sealed record IssueSummaryJson(
    int Number,
    string Title,
    string State,
    IReadOnlyList<string> Labels,
    string Author,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int CommentCount)
{
    public static IssueSummaryJson From(IssueSnapshot issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        return new(issue.Number, issue.Title, IssueStateText.Of(issue.State), issue.Labels, issue.Author, issue.CreatedAt, issue.UpdatedAt, issue.Comments.Count);
    }
}
