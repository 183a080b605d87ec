namespace BusinessOps.Core.Governance;

/// <summary>An <c>/approve</c> or <c>/reject</c> that did not count, and why (<c>alice is the author</c>).</summary>
/// <param name="CommentId">The comment, so the shell can reply once (and record it as handled).</param>
/// <param name="Author">Who wrote it (untrusted; neutralize before quoting).</param>
/// <param name="Kind"><see cref="CommandKind.Approve"/> or <see cref="CommandKind.Reject"/>.</param>
/// <param name="Reason">Why it did not count, for people.</param>
public sealed record IgnoredCommand(long CommentId, string Author, CommandKind Kind, string Reason);
