using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;
using Octokit;
using IssueComment = BusinessOps.Core.Issues.IssueComment;

namespace BusinessOps.GitHub.Store;

/// <summary>Octokit's models → the index's records → the core's snapshot types. Missing texts become empty strings, never nulls.</summary>
internal static class SnapshotMapper
{
    public static IssueRecord ToRecord(Issue issue) => new(
        issue.Number,
        issue.Title ?? string.Empty,
        issue.Body ?? string.Empty,
        issue.State.StringValue == "closed",
        [.. (issue.Labels ?? []).Select(l => l?.Name ?? string.Empty).Where(n => n.Length > 0)],
        issue.User?.Login ?? "ghost",
        issue.CreatedAt,
        issue.UpdatedAt ?? issue.CreatedAt,
        issue.Comments,
        issue.PullRequest is not null);

    public static CommentRecord ToRecord(Octokit.IssueComment comment) => new(
        comment.Id,
        comment.User?.Login ?? "ghost",
        IsBot(comment.User),
        comment.Body ?? string.Empty,
        comment.CreatedAt,
        comment.UpdatedAt ?? comment.CreatedAt);

    public static IssueSnapshot ToSnapshot(IssueRecord issue, IEnumerable<CommentRecord>? comments) => new(
        issue.Number,
        issue.Title,
        issue.Body,
        issue.Closed ? IssueState.Closed : IssueState.Open,
        issue.Labels,
        issue.Author,
        issue.CreatedAt,
        issue.UpdatedAt,
        comments is null ? [] : [.. comments.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select(ToComment)]);

    public static IssueComment ToComment(CommentRecord comment) =>
        new(comment.Id, comment.Author, comment.Body, comment.CreatedAt, comment.UpdatedAt, comment.AuthorIsBot);

    public static bool IsBot(User? user) =>
        user is not null && (user.Type == AccountType.Bot || (user.Login?.EndsWith("[bot]", StringComparison.Ordinal) ?? false));

    /// <summary>GitHub's <c>role_name</c> (admin, maintain, write, triage, read) is finer than the legacy <c>permission</c>; prefer it.</summary>
    public static RepositoryPermission ToPermission(CollaboratorPermissionResponse? response)
    {
        if (response is null)
        {
            return RepositoryPermission.None;
        }

        return Parse(response.RoleName) ?? Parse(response.Permission) ?? RepositoryPermission.None;

        static RepositoryPermission? Parse(string? value) => value?.ToLowerInvariant() switch
        {
            "admin" => RepositoryPermission.Admin,
            "maintain" => RepositoryPermission.Maintain,
            "write" or "push" => RepositoryPermission.Write,
            "triage" => RepositoryPermission.Triage,
            "read" or "pull" => RepositoryPermission.Read,
            "none" => RepositoryPermission.None,
            _ => null,
        };
    }
}
