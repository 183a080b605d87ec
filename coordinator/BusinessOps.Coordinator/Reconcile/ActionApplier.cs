using BusinessOps.Coordinator.Logging;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Reconcile;

/// <summary>Applies one issue's actions in order; returns the dispatch to run once the intent is recorded.</summary>
internal static class ActionApplier
{
    public static async Task<DispatchAgent?> ApplyAsync(IIssueStore store, IssueSnapshot issue, IReadOnlyList<OpsAction> actions, Log log, CancellationToken ct)
    {
        DispatchAgent? dispatch = null;
        foreach (var action in actions)
        {
            switch (action)
            {
                case ChangeLabels labels:
                    await store.UpdateLabelsAsync(issue.Number, labels.Add, labels.Remove, ct);
                    log.Debug($"#{issue.Number} labels +[{string.Join(", ", labels.Add)}] -[{string.Join(", ", labels.Remove)}]");
                    break;
                case UpsertStatusComment status:
                    await UpsertAsync(store, issue.Number, status.CommentId, status.Body, ct);
                    break;
                case PostComment note:
                    await store.AddCommentAsync(issue.Number, note.Body, ct);
                    log.Info($"#{issue.Number} commented ({note.NoteKey.Split(':')[0]})");
                    break;
                case React react:
                    await store.AddReactionAsync(issue.Number, react.CommentId, react.Reaction, ct);
                    break;
                case DispatchAgent d:
                    dispatch = d;
                    break;
            }
        }

        return dispatch;
    }

    /// <summary>Edits the status comment in place; if someone deleted it meanwhile, posts a new one.</summary>
    public static async Task UpsertAsync(IIssueStore store, int number, long? commentId, string body, CancellationToken ct)
    {
        if (commentId is { } id)
        {
            try
            {
                await store.UpdateCommentAsync(number, id, body, ct);
                return;
            }
            catch (IssueStoreException ex) when (ex.Kind == StoreErrorKind.NotFound)
            {
                // Deleted between list and update: recreate below.
            }
        }

        await store.AddCommentAsync(number, body, ct);
    }
}
