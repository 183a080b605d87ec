using BusinessOps.Core.Issues;
using BusinessOps.Core.State;

namespace BusinessOps.Core.Decisions;

/// <summary>Read-only access to what the coordinator recorded on an issue, for the shell and reports.</summary>
public static class IssueStateReader
{
    /// <summary>The state from the status comment (or rebuilt), and the status comment's id if one exists.</summary>
    public static (OpsState State, long? StatusCommentId) Read(IssueSnapshot issue, string identity)
    {
        var history = IssueHistory.Read(issue, identity);
        return (history.State, history.StatusComment?.Id);
    }

    /// <summary>True when a trusted result record for <paramref name="key"/> is on the issue.</summary>
    public static bool HasResult(IssueSnapshot issue, string identity, string key) => IssueHistory.Read(issue, identity).ResultFor(key) is not null;

    /// <summary>All trusted result records, oldest first (for reports and KPIs).</summary>
    public static IReadOnlyList<(ResultRecord Record, DateTimeOffset At)> Results(IssueSnapshot issue, string identity) =>
        [.. IssueHistory.Read(issue, identity).Results.Select(r => (r.Record, r.Comment.CreatedAt))];

    /// <summary>Re-renders the status comment after the shell learned something (e.g. a Batch job id).</summary>
    public static (long? CommentId, string Body, OpsState State) Amend(IssueSnapshot issue, Policies.PolicySet policies, Func<OpsState, OpsState> change)
    {
        var history = IssueHistory.Read(issue, policies.Identity);
        var labels = LabelView.Parse(issue.Labels, policies.Routing);
        var state = change(history.State);
        return (history.StatusComment?.Id, StatusComment.Render(state, issue.Number, policies, labels.Clients), state);
    }
}
