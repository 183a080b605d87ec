using BusinessOps.Coordinator.Logging;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;
using BusinessOps.Core.State;

namespace BusinessOps.Coordinator.Reconcile;

/// <summary>
/// Applies one issue's actions as one batch of the store (<see cref="IIssueStore.WriteIssueAsync"/>: one transaction on
/// SQLite). The status comment goes first, conditionally: it is the write that takes the issue (and, with a dispatch, its
/// lease). When another pass wrote it since this one read it, nothing else is written — that pass acted on newer facts,
/// and the next pass picks the issue up. Notes are posted only if not on the issue yet.
/// </summary>
internal static class ActionApplier
{
    private static readonly string StatusMarker = Markers.Opening(Markers.StateKind);

    public static async Task<Applied> ApplyAsync(IIssueStore store, IssueSnapshot issue, IReadOnlyList<OpsAction> actions, Log log, CancellationToken ct)
    {
        var (writes, dispatch) = Writes(actions);
        if ((await store.WriteIssueAsync(issue.Number, writes, ct)).Lost)
        {
            log.Info($"#{issue.Number} left alone: another pass wrote its status since this pass read it; the next pass picks it up");
            return Applied.Lost;
        }

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

        return new Applied(false, dispatch);
    }

    /// <summary>
    /// The store writes of <paramref name="actions"/> and the dispatch among them: the status comment first and conditional
    /// (<see cref="StatusWrite"/>), then the others in order, notes only if not on the issue yet.
    /// </summary>
    public static (List<IssueWrite> Writes, DispatchAgent? Dispatch) Writes(IReadOnlyList<OpsAction> actions)
    {
        var writes = new List<IssueWrite>(actions.Count);
        DispatchAgent? dispatch = null;
        if (actions.OfType<UpsertStatusComment>().FirstOrDefault() is { } status)
        {
            writes.Add(StatusWrite(status));
        }

        foreach (var action in actions)
        {
            switch (action)
            {
                case ChangeLabels labels:
                    writes.Add(new LabelsWrite(labels.Add, labels.Remove));
                    break;
                case PostComment note:
                    writes.Add(new UniqueCommentWrite(note.Marker, note.Body));
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

    /// <summary>Writes <paramref name="status"/> only if the status comment is still as it was read (none read: none posted since).</summary>
    public static ConditionalCommentWrite StatusWrite(UpsertStatusComment status) => new(status.Expected, StatusMarker, status.Body);
}
