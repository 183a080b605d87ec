using BusinessOps.Core.Issues;

namespace BusinessOps.Coordinator.Commands.Issues.Json;

/// <summary>One comment in <c>show --json</c>, and what <c>comment --json</c> prints.</summary>
public sealed record CommentJson(long Id, string Author, string Body, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool AuthorIsBot)
{
    public static CommentJson From(IssueComment comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        return new(comment.Id, comment.Author, comment.Body, comment.CreatedAt, comment.UpdatedAt, comment.AuthorIsBot);
    }
}
