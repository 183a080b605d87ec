using BusinessOps.Core.Ports;

namespace BusinessOps.LocalStore;

/// <summary>The dashboard's port: title and body edits. A local store has no pins.</summary>
public sealed partial class SqliteIssueStore : IIssueBoard
{
    /// <inheritdoc />
    public Task UpdateIssueAsync(int number, string title, string body, CancellationToken cancellationToken)
    {
        var t = InputGuard.Title(title);
        var b = InputGuard.Body(body, "issue body");
        return WriteAsync(
            tx =>
            {
                RequireIssue(tx, number);
                return tx.Execute(
                    "UPDATE issues SET title = $title, body = $body, updated_at = $now WHERE number = $number AND (title <> $title OR body <> $body);",
                    ("$title", t),
                    ("$body", b),
                    ("$now", Now()),
                    ("$number", number));
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool?> IsPinnedAsync(int number, CancellationToken cancellationToken) => Task.FromResult<bool?>(null);

    /// <inheritdoc />
    public Task PinAsync(int number, CancellationToken cancellationToken) => Task.CompletedTask;
}
