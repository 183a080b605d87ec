using BusinessOps.Core.Issues;

namespace BusinessOps.Core.Ports;

/// <summary>
/// The operational database: issues, labels, comments and permissions.
/// Local default: SQLite (<c>BusinessOps.LocalStore</c>); production: GitHub REST (<c>BusinessOps.GitHub</c>).
/// Failures surface as <see cref="IssueStoreException"/> (or a subclass).
/// </summary>
public interface IIssueStore
{
    /// <summary>The login this store writes as; markers are only trusted from this author.</summary>
    string Identity { get; }

    /// <summary>Human-readable location, e.g. the SQLite path or <c>owner/repo</c>.</summary>
    string Location { get; }

    /// <summary>Issues matching <paramref name="query"/>, with their comments, ordered by number.</summary>
    Task<IReadOnlyList<IssueSnapshot>> ListIssuesAsync(IssueQuery query, CancellationToken cancellationToken);

    /// <summary>One issue with its comments, or null when it does not exist.</summary>
    Task<IssueSnapshot?> GetIssueAsync(int number, CancellationToken cancellationToken);

    Task<IssueSnapshot> CreateIssueAsync(NewIssue issue, CancellationToken cancellationToken);

    Task<IssueComment> AddCommentAsync(int number, string body, CancellationToken cancellationToken);

    /// <summary>Edits a comment in place. Throws <see cref="IssueStoreException"/> with <see cref="StoreErrorKind.NotFound"/> if it was deleted.</summary>
    Task<IssueComment> UpdateCommentAsync(int number, long commentId, string body, CancellationToken cancellationToken);

    /// <summary>Adds and removes labels in one logical step; missing repository labels are created.</summary>
    Task UpdateLabelsAsync(int number, IReadOnlyCollection<string> add, IReadOnlyCollection<string> remove, CancellationToken cancellationToken);

    Task SetStateAsync(int number, IssueState state, CancellationToken cancellationToken);

    /// <summary>A user's permission on the repository; <see cref="RepositoryPermission.None"/> for strangers.</summary>
    Task<RepositoryPermission> GetPermissionAsync(string login, CancellationToken cancellationToken);

    /// <summary>Acknowledges a comment (GitHub reaction content such as <c>+1</c>, <c>eyes</c>).</summary>
    Task AddReactionAsync(int number, long commentId, string reaction, CancellationToken cancellationToken);

    Task<IReadOnlyList<LabelDefinition>> ListLabelsAsync(CancellationToken cancellationToken);

    /// <summary>Creates the label or updates its colour and description.</summary>
    Task UpsertLabelAsync(LabelDefinition label, CancellationToken cancellationToken);
}
