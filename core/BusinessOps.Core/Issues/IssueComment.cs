namespace BusinessOps.Core.Issues;

/// <summary>One comment. <see cref="UpdatedAt"/> different from <see cref="CreatedAt"/> means it was edited.</summary>
public sealed record IssueComment(
    long Id,
    string Author,
    string Body,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool AuthorIsBot = false)
{
    /// <summary>
    /// True when the comment was edited after it was posted (edited approvals never count). Exact: GitHub and the local
    /// store stamp an unedited comment with <c>updated_at == created_at</c>, so an edit a moment after posting is an edit.
    /// </summary>
    public bool WasEdited => UpdatedAt != CreatedAt;
}
