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

    /// <summary>
    /// Applies one issue's writes of one decision, in order, as one unit where the store has one: SQLite writes them in one
    /// transaction (all or none, one commit). Other stores make one call per write, as here. Returns how many writes the
    /// store made (SQLite: 1; GitHub: one per call, as its budgets count them; 0 when <paramref name="writes"/> is empty).
    /// </summary>
    async Task<int> WriteIssueAsync(int number, IReadOnlyList<IssueWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        foreach (var write in writes)
        {
            switch (write)
            {
                case LabelsWrite labels:
                    await UpdateLabelsAsync(number, labels.Add, labels.Remove, cancellationToken);
                    break;
                case CommentWrite { CommentId: { } id } edit:
                    try
                    {
                        await UpdateCommentAsync(number, id, edit.Body, cancellationToken);
                    }
                    catch (IssueStoreException ex) when (ex.Kind == StoreErrorKind.NotFound)
                    {
                        // Deleted between read and write: posted again.
                        await AddCommentAsync(number, edit.Body, cancellationToken);
                    }

                    break;
                case CommentWrite post:
                    await AddCommentAsync(number, post.Body, cancellationToken);
                    break;
                case ReactionWrite reaction:
                    await AddReactionAsync(number, reaction.CommentId, reaction.Reaction, cancellationToken);
                    break;
                default:
                    throw new ArgumentException($"Unknown write {write.GetType().Name}.", nameof(writes));
            }
        }

        return writes.Count;
    }
}
