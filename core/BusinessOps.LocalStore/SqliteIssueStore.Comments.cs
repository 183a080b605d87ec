using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;
using Microsoft.Data.Sqlite;

namespace BusinessOps.LocalStore;

/// <summary>Comments and reactions.</summary>
public sealed partial class SqliteIssueStore
{
    // GitHub's reaction contents; anything else is rejected as GitHub would.
    private static readonly string[] ReactionContents = ["+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes"];

    /// <inheritdoc />
    public Task<IssueComment> AddCommentAsync(int number, string body, CancellationToken cancellationToken)
    {
        var text = InputGuard.Body(body, "comment");
        return WriteAsync(tx => InsertComment(tx, number, text), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IssueComment> UpdateCommentAsync(int number, long commentId, string body, CancellationToken cancellationToken)
    {
        var text = InputGuard.Body(body, "comment");
        return WriteAsync(tx => EditComment(tx, number, commentId, text), cancellationToken);
    }

    /// <inheritdoc />
    public Task AddReactionAsync(int number, long commentId, string reaction, CancellationToken cancellationToken)
    {
        RequireReaction(reaction);
        return WriteAsync(tx => React(tx, number, commentId, reaction), cancellationToken);
    }

    private static void RequireReaction(string reaction)
    {
        if (!ReactionContents.Contains(reaction, StringComparer.Ordinal))
        {
            throw InputGuard.Invalid($"'{reaction}' is not a reaction; use one of {string.Join(", ", ReactionContents)}.");
        }
    }

    private IssueComment InsertComment(SqliteTransaction tx, int number, string text)
    {
        RequireIssue(tx, number);
        var now = Now();
        var id = (long)tx.Scalar(
            "INSERT INTO comments (issue, author, body, created_at, updated_at) VALUES ($issue, $author, $body, $now, $now) RETURNING id;",
            ("$issue", number),
            ("$author", Actor),
            ("$body", text),
            ("$now", now))!;
        TouchIssue(tx, number, now);
        return IssueRows.Comment(id, Actor, text, now, now);
    }

    private IssueComment EditComment(SqliteTransaction tx, int number, long commentId, string text)
    {
        var existing = ReadComment(tx, number, commentId);
        if (existing.Body == text)
        {
            return existing;
        }

        var now = Now();
        tx.Execute("UPDATE comments SET body = $body, updated_at = $now WHERE id = $id;", ("$body", text), ("$now", now), ("$id", commentId));
        TouchIssue(tx, number, now);
        return existing with { Body = text, UpdatedAt = Timestamps.Parse(now) };
    }

    private int React(SqliteTransaction tx, int number, long commentId, string reaction)
    {
        _ = ReadComment(tx, number, commentId);

        // Reacting twice is one reaction, as on GitHub.
        return tx.Execute(
            "INSERT OR IGNORE INTO reactions (comment, actor, content, created_at) VALUES ($comment, $actor, $content, $now);",
            ("$comment", commentId),
            ("$actor", Actor),
            ("$content", reaction),
            ("$now", Now()));
    }

    private static IssueComment ReadComment(SqliteTransaction transaction, int number, long commentId)
    {
        using var command = transaction.Command(
            "SELECT id, author, body, created_at, updated_at FROM comments WHERE id = $id AND issue = $issue;",
            ("$id", commentId),
            ("$issue", number));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new IssueStoreException(StoreErrorKind.NotFound, $"Comment {commentId} on issue #{number} does not exist (deleted?).");
        }

        try
        {
            return IssueRows.ReadComment(reader, 0);
        }
        catch (Exception ex) when (IssueRows.IsUnreadable(ex))
        {
            throw new IssueStoreException(StoreErrorKind.Invalid, $"Comment {commentId} on issue #{number} cannot be read ({ex.Message}); fix or delete that row.", ex);
        }
    }
}
