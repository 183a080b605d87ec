using System.Globalization;
using System.Text.Json;

namespace BusinessOps.TestKit.GitHub;

/// <summary>Writes the fake's state in GitHub's REST shapes (field names as in the real API, timestamps to the second).</summary>
internal static class FakeGitHubJson
{
    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static void User(Utf8JsonWriter w, string property, string login, string type)
    {
        w.WritePropertyName(property);
        w.WriteStartObject();
        w.WriteString("login", login);
        w.WriteNumber("id", (long)(uint)login.GetHashCode(StringComparison.Ordinal));
        w.WriteString("node_id", "U_" + login);
        w.WriteString("avatar_url", "https://avatars.githubusercontent.com/u/0");
        w.WriteString("url", "https://api.github.com/users/" + login);
        w.WriteString("html_url", "https://github.com/" + login);
        w.WriteString("type", type);
        w.WriteBoolean("site_admin", false);
        w.WriteEndObject();
    }

    public static void Label(Utf8JsonWriter w, FakeLabel label, string api)
    {
        w.WriteStartObject();
        w.WriteNumber("id", label.Id);
        w.WriteString("node_id", "LA_" + label.Id.ToString(CultureInfo.InvariantCulture));
        w.WriteString("url", api + "/labels/" + Uri.EscapeDataString(label.Name));
        w.WriteString("name", label.Name);
        w.WriteString("color", label.Color);
        w.WriteBoolean("default", false);
        w.WriteString("description", label.Description);
        w.WriteEndObject();
    }

    public static void Issue(Utf8JsonWriter w, FakeIssue issue, string api, string html, Func<string, FakeLabel> label)
    {
        var url = api + "/issues/" + issue.Number.ToString(CultureInfo.InvariantCulture);
        w.WriteStartObject();
        w.WriteString("url", url);
        w.WriteString("repository_url", api);
        w.WriteString("labels_url", url + "/labels{/name}");
        w.WriteString("comments_url", url + "/comments");
        w.WriteString("events_url", url + "/events");
        w.WriteString("html_url", html + (issue.IsPullRequest ? "/pull/" : "/issues/") + issue.Number.ToString(CultureInfo.InvariantCulture));
        w.WriteNumber("id", issue.Id);
        w.WriteString("node_id", "I_" + issue.Id.ToString(CultureInfo.InvariantCulture));
        w.WriteNumber("number", issue.Number);
        w.WriteString("title", issue.Title);
        User(w, "user", issue.Author, issue.AuthorType);
        w.WritePropertyName("labels");
        w.WriteStartArray();
        foreach (var name in issue.Labels)
        {
            Label(w, label(name), api);
        }

        w.WriteEndArray();
        w.WriteString("state", issue.Closed ? "closed" : "open");
        if (issue.Closed)
        {
            w.WriteString("state_reason", issue.StateReason ?? "completed");
        }
        else
        {
            w.WriteNull("state_reason");
        }

        w.WriteBoolean("locked", false);
        w.WriteNull("assignee");
        w.WriteStartArray("assignees");
        w.WriteEndArray();
        w.WriteNull("milestone");
        w.WriteNumber("comments", issue.Comments.Count);
        w.WriteString("created_at", Time(issue.CreatedAt));
        w.WriteString("updated_at", Time(issue.UpdatedAt));
        if (issue.ClosedAt is { } closed)
        {
            w.WriteString("closed_at", Time(closed));
        }
        else
        {
            w.WriteNull("closed_at");
        }

        w.WriteString("author_association", "MEMBER");
        w.WriteString("body", issue.Body);
        if (issue.IsPullRequest)
        {
            w.WritePropertyName("pull_request");
            w.WriteStartObject();
            w.WriteString("url", api + "/pulls/" + issue.Number.ToString(CultureInfo.InvariantCulture));
            w.WriteString("html_url", html + "/pull/" + issue.Number.ToString(CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    public static void Comment(Utf8JsonWriter w, FakeComment comment, string api, string html)
    {
        w.WriteStartObject();
        w.WriteNumber("id", comment.Id);
        w.WriteString("node_id", "IC_" + comment.Id.ToString(CultureInfo.InvariantCulture));
        w.WriteString("url", api + "/issues/comments/" + comment.Id.ToString(CultureInfo.InvariantCulture));
        w.WriteString("html_url", html + "/issues/" + comment.IssueNumber.ToString(CultureInfo.InvariantCulture) + "#issuecomment-" + comment.Id.ToString(CultureInfo.InvariantCulture));
        w.WriteString("issue_url", api + "/issues/" + comment.IssueNumber.ToString(CultureInfo.InvariantCulture));
        w.WriteString("body", comment.Body);
        User(w, "user", comment.Author, comment.AuthorType);
        w.WriteString("created_at", Time(comment.CreatedAt));
        w.WriteString("updated_at", Time(comment.UpdatedAt));
        w.WriteString("author_association", "MEMBER");
        w.WriteEndObject();
    }

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    public static byte[] Message(string message, string? code = null, string? field = null)
    {
        return Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("message", message);
            w.WriteString("documentation_url", "https://docs.github.com/rest");
            if (code is not null)
            {
                w.WriteStartArray("errors");
                w.WriteStartObject();
                w.WriteString("resource", "Issue");
                w.WriteString("code", code);
                if (field is not null)
                {
                    w.WriteString("field", field);
                }

                w.WriteEndObject();
                w.WriteEndArray();
            }

            w.WriteEndObject();
        });
    }
}
