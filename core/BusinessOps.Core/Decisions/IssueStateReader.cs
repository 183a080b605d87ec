using BusinessOps.Core.Issues;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Core.State;

namespace BusinessOps.Core.Decisions;

/// <summary>Read-only access to what the coordinator recorded on an issue, for the shell and reports.</summary>
public static class IssueStateReader
{
    /// <summary>The state from the status comment (or rebuilt), and the status comment's id if one exists.</summary>
    public static (OpsState State, long? StatusCommentId) Read(IssueSnapshot issue, PolicySet policies)
    {
        var history = IssueHistory.Read(issue, policies.Identity, policies.Dispatch);
        return (history.State, history.StatusComment?.Id);
    }

    /// <summary>Like <see cref="Read(IssueSnapshot, PolicySet)"/> for readers without policies (a version-1 <c>aws</c> executor reads as the default dispatch policy says).</summary>
    public static (OpsState State, long? StatusCommentId) Read(IssueSnapshot issue, string identity) =>
        Read(issue, PolicySet.Default with { Identity = identity });

    /// <summary>The hidden marker of a one-off note with <paramref name="key"/>: a comment of the store identity holding it was posted once.</summary>
    public static string NoteMarker(string key) => IssueHistory.NoteMarker(key);

    /// <summary>True when a trusted result record for <paramref name="key"/> is on the issue.</summary>
    public static bool HasResult(IssueSnapshot issue, string identity, string key) => IssueHistory.Read(issue, identity, DispatchPolicy.Default).ResultFor(key) is not null;

    /// <summary>All trusted result records, oldest first (for reports, KPIs and the spend ledger).</summary>
    public static IReadOnlyList<(ResultRecord Record, DateTimeOffset At)> Results(IssueSnapshot issue, string identity) =>
        [.. IssueHistory.Read(issue, identity, DispatchPolicy.Default).Results.Select(r => (r.Record, r.Comment.CreatedAt))];

    /// <summary>
    /// The cloud dispatch of <paramref name="issue"/> the executor should be asked about: a Lambda or Batch run recorded
    /// in the status comment with no result yet. Null for local runs and settled keys.
    /// </summary>
    public static TrackedDispatch? InFlight(IssueSnapshot issue, PolicySet policies)
    {
        var history = IssueHistory.Read(issue, policies.Identity, policies.Dispatch);
        var state = history.State;
        if (state is not { Key: { } key, Executor: ExecutorKind.Lambda or ExecutorKind.Batch } || history.ResultFor(key) is not null)
        {
            return null;
        }

        var executor = state.Executor == ExecutorKind.Lambda ? "lambda" : "batch";
        return new TrackedDispatch(issue.Number, key, executor, state.ExternalId ?? string.Empty, state.DispatchedAt ?? DateTimeOffset.MinValue);
    }

    /// <summary>Re-renders the status comment after the shell learned something (e.g. the run started).</summary>
    public static (long? CommentId, string Body, OpsState State) Amend(IssueSnapshot issue, PolicySet policies, Func<OpsState, OpsState> change)
    {
        var history = IssueHistory.Read(issue, policies.Identity, policies.Dispatch);
        var labels = LabelView.Parse(issue.Labels, policies.Routing);
        var state = change(history.State);
        return (history.StatusComment?.Id, StatusComment.Render(state, issue.Number, policies, labels.Clients), state);
    }

    /// <summary>The status comment's body for <paramref name="state"/> on <paramref name="issue"/> (its client labels as they are).</summary>
    public static string Render(IssueSnapshot issue, PolicySet policies, OpsState state) =>
        StatusComment.Render(state, issue.Number, policies, LabelView.Parse(issue.Labels, policies.Routing).Clients);
}
