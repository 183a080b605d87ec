namespace BusinessOps.Core.Ports;

/// <summary>One write of an issue's batch (<see cref="IIssueStore.WriteIssueAsync"/>).</summary>
public abstract record IssueWrite;

/// <summary>Adds and removes labels (a label in both ends up present).</summary>
public sealed record LabelsWrite(IReadOnlyCollection<string> Add, IReadOnlyCollection<string> Remove) : IssueWrite;

/// <summary>Edits the comment <see cref="CommentId"/> in place, or posts <see cref="Body"/> when it is null or was deleted.</summary>
public sealed record CommentWrite(long? CommentId, string Body) : IssueWrite;

/// <summary>Acknowledges a comment with a reaction.</summary>
public sealed record ReactionWrite(long CommentId, string Reaction) : IssueWrite;
