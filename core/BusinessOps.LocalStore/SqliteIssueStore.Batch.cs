using BusinessOps.Core.Ports;

namespace BusinessOps.LocalStore;

/// <summary>One issue's writes of one decision in one immediate transaction: all or none, one commit (one fsync).</summary>
public sealed partial class SqliteIssueStore
{
    /// <inheritdoc />
    public Task<int> WriteIssueAsync(int number, IReadOnlyList<IssueWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Count == 0)
        {
            return Task.FromResult(0);
        }

        // Every input is checked before the transaction starts, as the single writes do.
        var checkedWrites = writes.Select(Checked).ToList();
        return WriteAsync(
            tx =>
            {
                foreach (var write in checkedWrites)
                {
                    switch (write)
                    {
                        case LabelsWrite labels:
                            ChangeLabels(tx, number, labels.Add, labels.Remove);
                            break;
                        case CommentWrite { CommentId: { } id } edit when CommentExists(tx, number, id):
                            EditComment(tx, number, id, edit.Body);
                            break;
                        case CommentWrite post:
                            // New, or deleted since it was read: posted (again).
                            InsertComment(tx, number, post.Body);
                            break;
                        case ReactionWrite reaction:
                            React(tx, number, reaction.CommentId, reaction.Reaction);
                            break;
                    }
                }

                return 1;
            },
            cancellationToken);
    }

    private static IssueWrite Checked(IssueWrite write)
    {
        switch (write)
        {
            case LabelsWrite labels:
                return new LabelsWrite(InputGuard.Labels(labels.Add), InputGuard.Labels(labels.Remove));
            case CommentWrite comment:
                return comment with { Body = InputGuard.Body(comment.Body, "comment") };
            case ReactionWrite reaction:
                RequireReaction(reaction.Reaction);
                return reaction;
            default:
                throw new ArgumentException($"Unknown write {write?.GetType().Name ?? "null"}.", nameof(write));
        }
    }

    private static bool CommentExists(Microsoft.Data.Sqlite.SqliteTransaction tx, int number, long commentId) =>
        tx.Scalar("SELECT 1 FROM comments WHERE id = $id AND issue = $issue;", ("$id", commentId), ("$issue", number)) is not null;
}
