using BusinessOps.Coordinator.Logging;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;
using BusinessOps.Core.State;

namespace BusinessOps.Coordinator.Reconcile;

/// <summary>
/// Applies one issue's actions. The status comment goes first, conditionally: it is the write that takes the issue (and,
/// with a dispatch, its lease). When another pass wrote it since this one read it, nothing else is written — that pass
/// acted on newer facts, and the next pass picks the issue up. Notes are posted only if not on the issue yet.
/// </summary>
internal static class ActionApplier
{
    private static readonly string StatusMarker = Markers.Opening(Markers.StateKind);

    public static async Task<Applied> ApplyAsync(IIssueStore store, IssueSnapshot issue, IReadOnlyList<OpsAction> actions, Log log, CancellationToken ct)
    {
        if (actions.OfType<UpsertStatusComment>().FirstOrDefault() is { } status && !await TryWriteStatusAsync(store, issue.Number, status, ct))
        {
            log.Info($"#{issue.Number} left alone: another pass wrote its status since this pass read it; the next pass picks it up");
            return Applied.Lost;
        }

        DispatchAgent? dispatch = null;
        foreach (var action in actions)
        {
            switch (action)
            {
                case ChangeLabels labels:
                    await store.UpdateLabelsAsync(issue.Number, labels.Add, labels.Remove, ct);
                    log.Debug($"#{issue.Number} labels +[{string.Join(", ", labels.Add)}] -[{string.Join(", ", labels.Remove)}]");
                    break;
                case PostComment note:
                    var posted = await store.TryAddUniqueCommentAsync(issue.Number, note.Marker, note.Body, ct);
                    log.Info($"#{issue.Number} {(posted is null ? "already commented" : "commented")} ({note.NoteKey.Split(':')[0]})");
                    break;
                case React react:
                    await store.AddReactionAsync(issue.Number, react.CommentId, react.Reaction, ct);
                    break;
                case DispatchAgent d:
                    dispatch = d;
                    break;
            }
        }

        return new Applied(false, dispatch);
    }

    /// <summary>Writes <paramref name="status"/> if the status comment is still as it was read; false when another pass got there first.</summary>
    public static async Task<bool> TryWriteStatusAsync(IIssueStore store, int number, UpsertStatusComment status, CancellationToken ct) =>
        status.Expected is { } expected
            ? await store.TryUpdateCommentAsync(number, expected, status.Body, ct) is not null
            : await store.TryAddUniqueCommentAsync(number, StatusMarker, status.Body, ct) is not null;
}
