using BusinessOps.Core.Comments;

namespace BusinessOps.Core.Decisions;

/// <summary>The notes about running the agent: a dispatch waiting to start, one that cannot start, repeated failures, a breached SLA, a rebuilt state.</summary>
internal static class DispatchComments
{
    /// <summary><c>dispatch-stuck</c>: key (the dispatch key, a code span); since (UTC time); reason (escaped).</summary>
    public static CommentText Stuck(string key, DateTimeOffset since, string reason)
    {
        var (code, at, why) = ("`" + key + "`", Text.Time(since), Text.Inline(reason));
        return new(
            CommentNames.DispatchStuck,
            new Dictionary<string, object?> { ["key"] = new CommentMarkup(code), ["since"] = at, ["reason"] = why },
            $"The dispatch {code} has been waiting to start since {at}: {why}. It will keep waiting; check the job queue.");
    }

    /// <summary><c>dispatch-start-failed</c>: mentions; agent (a code span); error (escaped).</summary>
    public static CommentText StartFailed(string mentions, string agent, string error)
    {
        var (code, why) = (Text.Code(agent), Text.Inline(error));
        return new(
            CommentNames.DispatchStartFailed,
            new Dictionary<string, object?> { ["mentions"] = new CommentMarkup(mentions), ["agent"] = new CommentMarkup(code), ["error"] = why },
            $"{mentions}I could not start {code}: {why}. This needs a fix in the deployment, not in the issue; I will not retry on my own. Comment `/retry` once it is fixed.");
    }

    /// <summary><c>failures-escalated</c>: mentions; failures (how many in a row); error (the last one, escaped).</summary>
    public static CommentText FailuresEscalated(string mentions, int failures, string error)
    {
        var why = Text.Inline(error);
        return new(
            CommentNames.FailuresEscalated,
            new Dictionary<string, object?> { ["mentions"] = new CommentMarkup(mentions), ["failures"] = failures, ["error"] = why },
            $"{mentions}This issue failed {failures} times in a row and is escalated. Last error: {why}. Comment `/retry` to start a fresh count once the cause is fixed.");
    }

    /// <summary><c>sla-breached</c>: mentions; priority; target and elapsed (durations in words); oversight_agent.</summary>
    public static CommentText SlaBreached(string mentions, string priority, string target, string elapsed, string oversightAgent) => new(
        CommentNames.SlaBreached,
        new Dictionary<string, object?> { ["mentions"] = new CommentMarkup(mentions), ["priority"] = priority, ["target"] = target, ["elapsed"] = elapsed, ["oversight_agent"] = oversightAgent },
        $"{mentions}The {priority} SLA of {target} is breached (elapsed {elapsed}, human waits excluded). "
        + $"Handed to {Text.Code(oversightAgent)} for oversight; the work itself continues here.");

    /// <summary><c>state-rebuilt</c>: no values.</summary>
    public static CommentText StateRebuilt() => new(
        CommentNames.StateRebuilt,
        new Dictionary<string, object?>(),
        "The hidden state of my status comment was missing or unreadable, so I rebuilt it from the labels and the agents' result comments. Nothing was dispatched twice.");
}
