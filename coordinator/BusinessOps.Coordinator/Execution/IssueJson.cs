using System.Text;
using System.Text.Json;
using BusinessOps.Core.Issues;

namespace BusinessOps.Coordinator.Execution;

/// <summary>Writes an issue in GitHub's REST JSON shape — the <c>--issue-data</c> input of the agent contract.</summary>
public static class IssueJson
{
    public static byte[] Write(IssueSnapshot issue)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("number", issue.Number);
            w.WriteString("title", issue.Title);
            w.WriteString("body", issue.Body);
            w.WriteString("state", issue.State == IssueState.Open ? "open" : "closed");
            w.WriteStartArray("labels");
            foreach (var label in issue.Labels)
            {
                w.WriteStartObject();
                w.WriteString("name", label);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            User(w, "user", issue.Author, bot: false);
            w.WriteString("created_at", issue.CreatedAt.UtcDateTime);
            w.WriteString("updated_at", issue.UpdatedAt.UtcDateTime);
            w.WriteNumber("comments", issue.Comments.Count);
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static string WriteString(IssueSnapshot issue) => Encoding.UTF8.GetString(Write(issue));

    private static void User(Utf8JsonWriter w, string name, string login, bool bot)
    {
        w.WriteStartObject(name);
        w.WriteString("login", login);
        w.WriteString("type", bot ? "Bot" : "User");
        w.WriteEndObject();
    }
}
