using BusinessOps.Core.Issues;

namespace BusinessOps.Core.Ports;

/// <summary>One write of an issue's batch (<see cref="IIssueStore.WriteIssueAsync"/>).</summary>
public abstract record IssueWrite;

/// <summary>Adds and removes labels (a label in both ends up present).</summary>
public sealed record LabelsWrite(IReadOnlyCollection<string> Add, IReadOnlyCollection<string> Remove) : IssueWrite;

/// <summary>Edits the comment <see cref="CommentId"/> in place, or posts <see cref="Body"/> when it is null or was deleted.</summary>
public sealed record CommentWrite(long? CommentId, string Body) : IssueWrite;

/// <summary>Acknowledges a comment with a reaction.</summary>
public sealed record ReactionWrite(long CommentId, string Reaction) : IssueWrite;

/// <summary>
/// The write that takes an issue (and its lease): edits <see cref="Expected"/> only if it is still as it was read, or, when
/// none was read, posts <see cref="Body"/> only if no comment of the store's identity carries <see cref="Marker"/>. When it
/// loses, it and every write after it in the batch are left out (the batch reports <see cref="IssueWriteResult.Lost"/>);
/// writes before it stand.
/// </summary>
public sealed record ConditionalCommentWrite(IssueComment? Expected, string Marker, string Body) : IssueWrite;

/// <summary>Posts <see cref="Body"/> unless a comment of the store's identity already carries <see cref="Marker"/> (a note's key).</summary>
public sealed record UniqueCommentWrite(string Marker, string Body) : IssueWrite;
