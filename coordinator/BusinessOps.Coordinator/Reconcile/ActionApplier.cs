using BusinessOps.Coordinator.Logging;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Reconcile;

/// <summary>
/// Applies one issue's actions in order as one batch of the store (<see cref="IIssueStore.WriteIssueAsync"/>: one
/// transaction on SQLite); returns the dispatch to run once the intent is recorded.
/// </summary>
internal static class ActionApplier
{
    public static async Task<DispatchAgent?> ApplyAsync(IIssueStore store, IssueSnapshot issue, IReadOnlyList<OpsAction> actions, Log log, CancellationToken ct)
    {
        var (writes, dispatch) = Writes(actions);
        await store.WriteIssueAsync(issue.Number, writes, ct);
        foreach (var action in actions)
        {
            switch (action)
            {
                case ChangeLabels labels:
                    log.Debug($"#{issue.Number} labels +[{string.Join(", ", labels.Add)}] -[{string.Join(", ", labels.Remove)}]");
                    break;
                case PostComment note:
                    log.Info($"#{issue.Number} commented ({note.NoteKey.Split(':')[0]})");
                    break;
            }
        }

        return dispatch;
    }

    /// <summary>The store writes of <paramref name="actions"/>, in order, and the dispatch among them.</summary>
    public static (List<IssueWrite> Writes, DispatchAgent? Dispatch) Writes(IReadOnlyList<OpsAction> actions)
    {
        var writes = new List<IssueWrite>(actions.Count);
        DispatchAgent? dispatch = null;
        foreach (var action in actions)
        {
            switch (action)
            {
                case ChangeLabels labels:
                    writes.Add(new LabelsWrite(labels.Add, labels.Remove));
                    break;
                case UpsertStatusComment status:
                    writes.Add(new CommentWrite(status.CommentId, status.Body));
                    break;
                case PostComment note:
                    writes.Add(new CommentWrite(null, note.Body));
                    break;
                case React react:
                    writes.Add(new ReactionWrite(react.CommentId, react.Reaction));
                    break;
                case DispatchAgent d:
                    dispatch = d;
                    break;
            }
        }

        return (writes, dispatch);
    }

    /// <summary>Edits the status comment in place; if someone deleted it meanwhile, posts a new one.</summary>
    public static Task UpsertAsync(IIssueStore store, int number, long? commentId, string body, CancellationToken ct) =>
        store.WriteIssueAsync(number, [new CommentWrite(commentId, body)], ct);
}
