using BusinessOps.Core.Comments;

namespace BusinessOps.Core.Decisions;

/// <summary>The replies to slash commands: what is valid, nothing to approve, permission needed, and the note of <c>/escalate</c>.</summary>
internal static class CommandComments
{
    /// <summary>
    /// <c>command-help</c>: author (a code span); error (what is wrong and what is valid, or for <c>/help</c> only what is
    /// valid). The error is our own Markdown, built by <see cref="Governance.CommandParser"/>: the only part of it from the
    /// comment is an unknown command word, which the parser accepts only as letters, digits and hyphens.
    /// </summary>
    public static CommentText Help(string author, string error)
    {
        var who = Text.Code(author);
        return new(CommentNames.CommandHelp, new Dictionary<string, object?> { ["author"] = new CommentMarkup(who), ["error"] = new CommentMarkup(error) }, $"{who}: {error}");
    }

    /// <summary><c>nothing-to-approve</c>: author (a code span); command (<c>approve</c> or <c>reject</c>).</summary>
    public static CommentText NothingToApprove(string author, string command)
    {
        var who = Text.Code(author);
        return new(
            CommentNames.NothingToApprove,
            new Dictionary<string, object?> { ["author"] = new CommentMarkup(who), ["command"] = command },
            $"{who}: there is no plan waiting for approval on this issue, so `/{command}` did nothing.");
    }

    /// <summary><c>command-refused</c>: author (a code span); command; needed and has (permission names, has <c>none</c> when none).</summary>
    public static CommentText Refused(string author, string command, string needed, string has)
    {
        var who = Text.Code(author);
        return new(
            CommentNames.CommandRefused,
            new Dictionary<string, object?> { ["author"] = new CommentMarkup(who), ["command"] = command, ["needed"] = needed, ["has"] = has },
            $"{who}: `/{command}` needs {needed} permission on this repository (you have {has}). Ask a maintainer, or see `policies/approvals.yml` (`commands:`).");
    }

    /// <summary><c>escalated</c>: mentions; author (a code span); reason (escaped).</summary>
    public static CommentText Escalated(string mentions, string author, string reason)
    {
        var who = Text.Code(author);
        return new(
            CommentNames.Escalated,
            new Dictionary<string, object?> { ["mentions"] = new CommentMarkup(mentions), ["author"] = new CommentMarkup(who), ["reason"] = reason },
            $"{mentions}Escalated by {who}: {reason}");
    }
}
