using BusinessOps.Core.Comments;
using BusinessOps.Core.Governance;

namespace BusinessOps.Core.Decisions;

/// <summary>The notes about the issue's client: which one it is, another client's data, and its limits.</summary>
internal static class ClientComments
{
    /// <summary><c>client-ambiguous</c>: reason (which client labels, and what to do).</summary>
    public static CommentText Ambiguous(string reason) => CantAct(CommentNames.ClientAmbiguous, reason);

    /// <summary><c>client-unknown</c>: reason (the client without a profile, and the known ones).</summary>
    public static CommentText Unknown(string reason) => CantAct(CommentNames.ClientUnknown, reason);

    /// <summary><c>client-refused</c>: reason (whose data was asked for); client (the issue's own client id, or null).</summary>
    public static CommentText Refused(string reason, string? client)
    {
        var own = client is null ? null : Text.Inline(client);
        return new(
            CommentNames.ClientRefused,
            new Dictionary<string, object?> { ["reason"] = new CommentMarkup(reason), ["client"] = own },
            $"I can't do this: {reason}. Edit the issue's scope to " + (own is null ? "`all`" : $"`client/{own}` (or `all`)") + " and I will pick it up on the next pass.");
    }

    /// <summary><c>client-spend-limit</c>: client (a code span); spent and limit (dollars); after (UTC time).</summary>
    public static CommentText SpendLimit(string client, decimal spent, decimal limit, DateTimeOffset after)
    {
        var (code, s, l, t) = (Text.Code(client), Wording.Usd(spent), Wording.Usd(limit), Text.Time(after));
        return new(
            CommentNames.ClientSpendLimit,
            new Dictionary<string, object?> { ["client"] = new CommentMarkup(code), ["spent"] = s, ["limit"] = l, ["after"] = t },
            $"Not started yet: client {code} has spent {s} on agents today, and its daily limit is "
            + $"{l} (`dailySpendUsd` in `policies/tenants.yml`). I will start this after {t}, or as soon as the limit is raised. Other clients' work is not affected.");
    }

    /// <summary><c>client-at-limit</c>: client (a code span); limit (its <c>maxConcurrent</c>).</summary>
    public static CommentText AtLimit(string client, int limit)
    {
        var code = Text.Code(client);
        return new(
            CommentNames.ClientAtLimit,
            new Dictionary<string, object?> { ["client"] = new CommentMarkup(code), ["limit"] = limit },
            $"Waiting: client {code} has {limit} {(limit == 1 ? "issue" : "issues")} in flight, its limit "
            + $"(`maxConcurrent: {limit}` in `policies/tenants.yml`). I will start this as soon as one of them finishes. Other clients' work is not affected.");
    }

    private static CommentText CantAct(string name, string reason) =>
        new(name, new Dictionary<string, object?> { ["reason"] = new CommentMarkup(reason) }, $"I can't act on this issue: {reason}.");
}
