namespace BusinessOps.Core.Issues;

/// <summary>One comment. <see cref="UpdatedAt"/> later than <see cref="CreatedAt"/> means it was edited.</summary>
public sealed record IssueComment(
    long Id,
    string Author,
    string Body,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool AuthorIsBot = false)
{
    /// <summary>True when the comment was edited after it was posted (edited approvals never count).</summary>
    public bool WasEdited => UpdatedAt > CreatedAt.AddSeconds(1);
}
