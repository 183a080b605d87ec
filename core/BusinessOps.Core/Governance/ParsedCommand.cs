using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;

namespace BusinessOps.Core.Governance;

/// <summary>
/// A slash command found on the first line of a comment. <see cref="Error"/> set means the command is
/// unknown or its arguments are bad: reply with it and do nothing else.
/// </summary>
/// <param name="Comment">The comment the command came from (author, times, edit state).</param>
/// <param name="Kind">Which command; <see cref="CommandKind.Unknown"/> for an unknown <c>/word</c>.</param>
/// <param name="Name">The command word in lower case, without the slash (<c>approve</c>); the key of <c>ApprovalPolicy.Commands</c>.</param>
/// <param name="Argument">The rest of the line, trimmed (note, reason, raw priority or agent); null when empty. Untrusted text.</param>
public sealed record ParsedCommand(IssueComment Comment, CommandKind Kind, string Name, string? Argument)
{
    /// <summary>The requested priority, for a valid <c>/priority</c>.</summary>
    public Priority? Priority { get; init; }

    /// <summary>The full agent executable name, for a valid <c>/agent</c>.</summary>
    public string? Agent { get; init; }

    /// <summary>For a valid <c>/effect</c>: the 1-based effect (<c>e2</c> → 2) and whether the person says it happened.</summary>
    public (int Index, bool Done)? Effect { get; init; }

    /// <summary>A short reply listing the valid commands or arguments; null when the command is valid.</summary>
    public string? Error { get; init; }

    /// <summary>True when the command is known and its arguments are valid.</summary>
    public bool IsValid => Error is null;
}
