using BusinessOps.Core.Comments;

namespace BusinessOps.Core.Decisions;

/// <summary>The notes while an approved plan's effects run: stopped, an effect whose outcome is unknown, <c>/effect</c> replies, the failure report.</summary>
internal static class EffectComments
{
    /// <summary><c>effects-stopped</c>: mentions; error (escaped); done (effects done so far, e.g. <c>e1, e2</c>, or null).</summary>
    public static CommentText Stopped(string mentions, string error, IReadOnlyList<string> done)
    {
        var (why, list) = (Text.Inline(error), done.Count == 0 ? null : string.Join(", ", done));
        return new(
            CommentNames.EffectsStopped,
            new Dictionary<string, object?> { ["mentions"] = new CommentMarkup(mentions), ["error"] = why, ["done"] = list },
            $"{mentions}The approved plan stopped: {why}. Retrying cannot help, so I will not retry on my own; "
            + (list is null ? "no effect was performed. " : $"done so far: {list}. ")
            + "Fix the cause (see `policies/connectors.yml` and the target), then comment `/retry`: effects already done are not repeated.");
    }

    /// <summary><c>effect-unsure</c>: mentions; effect (<c>e2</c>); what (the effect in words); error (escaped); key (a code span).</summary>
    public static CommentText Unsure(string mentions, string effect, string what, string error, string key)
    {
        var (why, code) = (Text.Inline(error), Text.Code(key));
        return new(
            CommentNames.EffectUnsure,
            new Dictionary<string, object?> { ["mentions"] = new CommentMarkup(mentions), ["effect"] = effect, ["what"] = new CommentMarkup(what), ["error"] = why, ["key"] = new CommentMarkup(code) },
            $"{mentions}I cannot tell whether effect {effect} ({what}) happened: {why}. "
            + $"I will not repeat it blindly. Please check the target, then comment `/effect {effect} done` if it happened or `/effect {effect} not-done` if it did not, "
            + $"and then `/retry` to carry on. Its key is {code} (a receiver that keeps delivery ids can look it up).");
    }

    /// <summary><c>effect-unchanged</c>: author (a code span); effect; status (<c>done</c>, <c>failed</c>, … or null when not in the ledger).</summary>
    public static CommentText Unchanged(string author, string effect, string? status)
    {
        var who = Text.Code(author);
        return new(
            CommentNames.EffectUnchanged,
            new Dictionary<string, object?> { ["author"] = new CommentMarkup(who), ["effect"] = effect, ["status"] = status },
            $"{who}: `/effect {effect}` changed nothing: {effect} is {(status is null ? "not in this plan's ledger" : "already " + status)}. Only an effect whose outcome is unknown can be marked.");
    }

    /// <summary><c>effect-recorded</c>: author (a code span); effect; done (true: it happened).</summary>
    public static CommentText Recorded(string author, string effect, bool done)
    {
        var who = Text.Code(author);
        var next = done ? "it will not be performed again" : "it will be performed again, under its own key";
        return new(
            CommentNames.EffectRecorded,
            new Dictionary<string, object?> { ["author"] = new CommentMarkup(who), ["effect"] = effect, ["done"] = done },
            $"{who}: recorded {effect} as {(done ? "done" : "not done")}; {next}. Comment `/retry` to carry on with the plan's remaining effects.");
    }

    /// <summary><c>failure-report-held</c>: reason (why the report may not run, escaped).</summary>
    public static CommentText ReportHeld(string reason)
    {
        var why = Text.Inline(reason);
        return new(
            CommentNames.FailureReportHeld,
            new Dictionary<string, object?> { ["reason"] = why },
            $"The failure is not reported outside this issue: {why}. Nothing of it was performed.");
    }

    /// <summary><c>failure-report-incomplete</c>: error (escaped).</summary>
    public static CommentText ReportIncomplete(string error)
    {
        var why = Text.Inline(error);
        return new(
            CommentNames.FailureReportIncomplete,
            new Dictionary<string, object?> { ["error"] = why },
            $"Reporting the failure did not complete: {why}. The issue stays failed either way; the next attempt reports again (effects already done are not repeated).");
    }
}
