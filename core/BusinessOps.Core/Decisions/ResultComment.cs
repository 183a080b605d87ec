using BusinessOps.Core.Comments;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// The one result comment per dispatch key, written by the coordinator (the only writer) or by a standalone agent's
/// <c>--write-back</c> through the same function: a readable report of the agent's result, neutralized, ending with the
/// hidden result marker that is trusted only from the store identity. Pure.
/// </summary>
public static class ResultComment
{
    /// <summary>GitHub refuses comments over 65,536 characters; the report stays well below.</summary>
    public const int MaxChars = 60_000;

    // Kept free under the limit for the note on a report cut to fit (a longer reworded note falls back to the built-in one).
    private const int TruncationNoteChars = 200;

    /// <summary>The comment to post for <paramref name="result"/>, or null when <paramref name="current"/> already records its key.</summary>
    public static string? ToWrite(IssueSnapshot current, string identity, AgentResult result) =>
        IssueStateReader.HasResult(current, identity, result.Key) ? null : Render(result);

    /// <summary>
    /// The comment for a finished dispatch, or null when <paramref name="current"/> already records its key: the agent's
    /// full report when it returned a result (under the dispatch's own key and agent, whatever it printed), else the failure.
    /// </summary>
    public static string? ToWrite(IssueSnapshot current, string identity, DispatchAgent dispatch, DispatchOutcome outcome, ICommentWording? wording = null)
    {
        if (IssueStateReader.HasResult(current, identity, dispatch.Key))
        {
            return null;
        }

        if (outcome.Result is { } result)
        {
            // The exit code decides failure and permanence (the contract), whatever the document claims.
            var settled = outcome.Status == DispatchStatus.Failed ? result with { Outcome = AgentOutcome.Failed, Permanent = outcome.Permanent } : result;
            return Render(settled with { Key = dispatch.Key, Agent = dispatch.Agent, Issue = current.Number }, wording);
        }

        // No result document: the run never happened or ended without one (crash, hang, garbage) — not the filer's doing.
        var error = outcome.Error ?? "unknown error";
        var record = new ResultRecord(dispatch.Key, dispatch.Agent, AgentOutcome.Failed, 0, 0, Permanent: outcome.Permanent, Error: error, Summary: error, Infrastructure: true);
        return RenderFailure(dispatch.Agent, dispatch.Attempt, error, record, wording);
    }

    /// <summary>
    /// The full report of <paramref name="result"/> with its marker, in the business's wording (<c>result.sbn</c>) when
    /// given, else the built-in one. A report too long for one comment is cut, in the built-in frame, with a note.
    /// </summary>
    public static string Render(AgentResult result, ICommentWording? wording = null)
    {
        var marker = Markers.Format(ResultRecord.From(result));
        var report = ResultComments.Report(result);
        var budget = MaxChars - marker.Length - TruncationNoteChars;
        if (report.BuiltIn.Length <= budget)
        {
            var text = wording is null ? report.BuiltIn : report.Render(wording);
            return (text.Length <= budget ? text : report.BuiltIn) + "\n\n" + marker;
        }

        var omitted = report.BuiltIn.Length - budget;
        var cut = char.IsHighSurrogate(report.BuiltIn[budget - 1]) ? budget - 1 : budget;
        var note = ResultComments.Truncated(omitted, MaxChars);
        var said = wording is null ? note.BuiltIn : note.Render(wording);
        return report.BuiltIn[..cut] + "\n\n" + (said.Length <= TruncationNoteChars - 2 ? said : note.BuiltIn) + "\n\n" + marker;
    }

    /// <summary>
    /// The comment for a run that produced no result document (it could not start, crashed, hung or printed garbage).
    /// <paramref name="record"/> carries the failure for <c>Decide</c>.
    /// </summary>
    public static string RenderFailure(string agent, int attempt, string error, ResultRecord record, ICommentWording? wording = null)
    {
        var failed = ResultComments.Failed(agent, attempt, error, record.Permanent, record.Infrastructure);
        return (wording is null ? failed.BuiltIn : failed.Render(wording)) + "\n\n" + Markers.Format(record);
    }
}
