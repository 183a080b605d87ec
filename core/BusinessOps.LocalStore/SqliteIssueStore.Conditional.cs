using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;
using Microsoft.Data.Sqlite;

namespace BusinessOps.LocalStore;

/// <summary>
/// Conditional writes, each one immediate transaction: the write lock is taken first, the row re-read and compared, and
/// the write made only if nothing changed — so two passes (processes or instances) on one file can never both win.
/// </summary>
public sealed partial class SqliteIssueStore
{
    /// <inheritdoc />
    public Task<IssueComment?> TryUpdateCommentAsync(int number, IssueComment expected, string body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var text = InputGuard.Body(body, "comment");
        return WriteAsync(tx => TryUpdateComment(tx, number, expected, text), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IssueComment?> TryAddUniqueCommentAsync(int number, string marker, string body, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(marker);
        var text = InputGuard.Body(body, "comment");
        return WriteAsync(tx => TryAddUniqueComment(tx, number, marker, text), cancellationToken);
    }

    private IssueComment? TryUpdateComment(SqliteTransaction tx, int number, IssueComment expected, string text)
    {
        IssueComment current;
        try
        {
            current = ReadComment(tx, number, expected.Id);
        }
        catch (IssueStoreException ex) when (ex.Kind == StoreErrorKind.NotFound)
        {
            return null;
        }

        // The body decides as well as the time: two edits within one millisecond keep updated_at.
        if (current.UpdatedAt != expected.UpdatedAt || !string.Equals(current.Body, expected.Body, StringComparison.Ordinal))
        {
            return null;
        }

        if (string.Equals(current.Body, text, StringComparison.Ordinal))
        {
            return current;
        }

        var now = Now();
        tx.Execute("UPDATE comments SET body = $body, updated_at = $now WHERE id = $id;", ("$body", text), ("$now", now), ("$id", expected.Id));
        TouchIssue(tx, number, now);
        return current with { Body = text, UpdatedAt = Timestamps.Parse(now) };
    }

    private IssueComment? TryAddUniqueComment(SqliteTransaction tx, int number, string marker, string text)
    {
        RequireIssue(tx, number);
        var taken = tx.Scalar(
            "SELECT 1 FROM comments WHERE issue = $issue AND author = $author COLLATE NOCASE AND instr(body, $marker) > 0 LIMIT 1;",
            ("$issue", number),
            ("$author", Identity),
            ("$marker", marker));
        return taken is null ? InsertComment(tx, number, text) : null;
    }
}
