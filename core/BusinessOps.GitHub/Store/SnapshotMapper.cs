using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;
using BusinessOps.GitHub.Json;

namespace BusinessOps.GitHub.Store;

/// <summary>GitHub wire shapes → the core's snapshot types. Missing texts become empty strings, never nulls.</summary>
internal static class SnapshotMapper
{
    public static IssueSnapshot ToSnapshot(IssueDto issue, IReadOnlyList<CommentDto>? comments) => new(
        issue.Number,
        issue.Title ?? string.Empty,
        issue.Body ?? string.Empty,
        string.Equals(issue.State, "closed", StringComparison.OrdinalIgnoreCase) ? IssueState.Closed : IssueState.Open,
        [.. (issue.Labels ?? []).Select(l => l.Name).Where(n => n.Length > 0)],
        issue.User?.Login ?? "ghost",
        issue.CreatedAt,
        issue.UpdatedAt,
        comments is null ? [] : [.. comments.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select(ToComment)]);

    public static IssueComment ToComment(CommentDto comment) => new(
        comment.Id,
        comment.User?.Login ?? "ghost",
        comment.Body ?? string.Empty,
        comment.CreatedAt,
        comment.UpdatedAt,
        IsBot(comment.User));

    public static bool IsBot(UserDto? user) =>
        user is not null && (string.Equals(user.Type, "Bot", StringComparison.OrdinalIgnoreCase) || user.Login.EndsWith("[bot]", StringComparison.Ordinal));

    /// <summary>GitHub's <c>role_name</c> (admin, maintain, write, triage, read) is finer than the legacy <c>permission</c>; prefer it.</summary>
    public static RepositoryPermission ToPermission(PermissionDto? dto)
    {
        if (dto is null)
        {
            return RepositoryPermission.None;
        }

        return Parse(dto.RoleName) ?? Parse(dto.Permission) ?? RepositoryPermission.None;

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
