using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Core.Issues;

namespace BusinessOps.Aws.Lambda;

/// <summary>Renders an <see cref="IssueSnapshot"/> in the subset of GitHub's REST issue/comment JSON the agents read.</summary>
internal static class GitHubIssueShape
{
    public static JsonObject Issue(IssueSnapshot issue) => new()
    {
        ["number"] = issue.Number,
        ["title"] = issue.Title,
        ["body"] = issue.Body,
        ["state"] = issue.State == IssueState.Open ? "open" : "closed",
        ["labels"] = new JsonArray([.. issue.Labels.Select(l => (JsonNode)new JsonObject { ["name"] = l })]),
        ["user"] = new JsonObject { ["login"] = issue.Author },
        ["comments"] = issue.Comments.Count,
        ["created_at"] = Time(issue.CreatedAt),
        ["updated_at"] = Time(issue.UpdatedAt),
    };

    public static JsonArray Comments(IssueSnapshot issue) => new([.. issue.Comments.Select(c => (JsonNode)new JsonObject
    {
        ["id"] = c.Id,
        ["user"] = new JsonObject { ["login"] = c.Author, ["type"] = c.AuthorIsBot ? "Bot" : "User" },
        ["body"] = c.Body,
        ["created_at"] = Time(c.CreatedAt),
        ["updated_at"] = Time(c.UpdatedAt),
    })]);

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
