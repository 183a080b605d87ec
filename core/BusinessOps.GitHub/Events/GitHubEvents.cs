using System.Text.Json;
using BusinessOps.GitHub.Errors;
using BusinessOps.GitHub.Store;
using Octokit;
using Octokit.Internal;

namespace BusinessOps.GitHub.Events;

/// <summary>
/// Parses <c>issues</c> and <c>issue_comment</c> webhook payloads (the file at <c>GITHUB_EVENT_PATH</c> in Actions).
/// Anything unusable throws <see cref="GitHubEventException"/> with one clear line; other event types throw it with
/// <see cref="GitHubEventException.IsUnsupportedEvent"/> set, so the caller can exit 0 with a notice. The payload's
/// issue, comment and sender are read into Octokit's models (a webhook's objects are the REST API's), after the
/// fields this product cannot do without were checked to be there.
/// </summary>
public static class GitHubEvents
{
    private static readonly SimpleJsonSerializer Json = new();

    public const string Issues = "issues";
    public const string IssueComment = "issue_comment";

    /// <summary>
    /// Parses <paramref name="json"/>. <paramref name="eventName"/> comes from <c>GITHUB_EVENT_NAME</c>; when null or
    /// empty it is inferred from the payload's shape (<c>comment</c> + <c>issue</c> → issue_comment, <c>issue</c> → issues).
    /// </summary>
    public static ParsedEvent Parse(string json, string? eventName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new GitHubEventException($"The event payload is not valid JSON (line {(ex.LineNumber ?? 0) + 1}): {FirstLine(ex.Message)}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new GitHubEventException("The event payload must be a JSON object.");
            }

            var name = string.IsNullOrWhiteSpace(eventName) ? Infer(root) : eventName.Trim();
            if (name != Issues && name != IssueComment)
            {
                throw new GitHubEventException($"Event '{name}' is not handled (only issues and issue_comment); nothing to do.", isUnsupportedEvent: true);
            }

            var action = RequireString(root, "action", "action");
            if (!root.TryGetProperty("issue", out var issueElement) || issueElement.ValueKind != JsonValueKind.Object)
            {
                throw new GitHubEventException($"The {name} payload has no 'issue' object.");
            }

            var issue = ReadIssue(issueElement);
            var sender = root.TryGetProperty("sender", out var s) && s.ValueKind == JsonValueKind.Object ? Deserialize<User>(s, "sender") : null;
            Core.Issues.IssueComment? comment = null;
            if (name == IssueComment)
            {
                if (!root.TryGetProperty("comment", out var c) || c.ValueKind != JsonValueKind.Object)
                {
                    throw new GitHubEventException("The issue_comment payload has no 'comment' object.");
                }

                RequireNumber(c, "id", "comment.id");
                comment = SnapshotMapper.ToComment(SnapshotMapper.ToRecord(Deserialize<Octokit.IssueComment>(c, "comment")));
            }

            return new ParsedEvent(
                name,
                action,
                issue.Number,
                SnapshotMapper.ToSnapshot(issue, null),
                sender?.Login ?? "ghost",
                SnapshotMapper.IsBot(sender),
                issue.IsPullRequest,
                comment,
                issue.Comments);
        }
    }

    private static IssueRecord ReadIssue(JsonElement element)
    {
        RequireNumber(element, "number", "issue.number");
        RequireString(element, "created_at", "issue.created_at");
        RequireString(element, "updated_at", "issue.updated_at");
        return SnapshotMapper.ToRecord(Deserialize<Issue>(element, "issue"));
    }

    private static T Deserialize<T>(JsonElement element, string what)
        where T : class
    {
        try
        {
            return Json.Deserialize<T>(element.GetRawText()) ?? throw new GitHubEventException($"The event's '{what}' is null.");
        }
        catch (Exception ex) when (ex is System.Runtime.Serialization.SerializationException or InvalidCastException or FormatException or ArgumentException or InvalidOperationException or OverflowException)
        {
            throw new GitHubEventException($"The event's '{what}' has an unexpected shape: {FirstLine(ex.Message)}");
        }
    }

    /// <summary>A payload without an 'issue' is some other event (push, pull_request, …): unsupported, not broken.</summary>
    private static string Infer(JsonElement root) =>
        root.TryGetProperty("issue", out _)
            ? (root.TryGetProperty("comment", out _) ? IssueComment : Issues)
            : throw new GitHubEventException("The event payload has no 'issue', so it is not an issues or issue_comment event; nothing to do (set GITHUB_EVENT_NAME to be explicit).", isUnsupportedEvent: true);

    private static string RequireString(JsonElement element, string property, string path) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new GitHubEventException($"The event payload is missing '{path}'.");

    private static void RequireNumber(JsonElement element, string property, string path)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.Number)
        {
            throw new GitHubEventException($"The event payload is missing '{path}'.");
        }
    }

    private static string FirstLine(string text)
    {
        var line = text.ReplaceLineEndings("\n").Split('\n')[0];
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}
