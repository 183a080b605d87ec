using BusinessOps.Core.Issues;

namespace BusinessOps.GitHub.Events;

/// <summary>
/// A webhook event reduced to what the coordinator needs. <see cref="Issue"/> is built from the payload's issue with no
/// comments (the payload does not carry them); for <c>issue_comment</c> events, <see cref="Comment"/> is the comment
/// the event is about. <see cref="SenderIsBot"/> lets the coordinator ignore its own and other bots' events.
/// <see cref="CommentCount"/> is the issue's <c>comments</c> field: when 0, <see cref="Issue"/> is already complete and no
/// request is needed to read its comments.
/// </summary>
public sealed record ParsedEvent(
    string EventName,
    string Action,
    int IssueNumber,
    IssueSnapshot Issue,
    string SenderLogin,
    bool SenderIsBot,
    bool IsPullRequest,
    IssueComment? Comment,
    int CommentCount = 0);
