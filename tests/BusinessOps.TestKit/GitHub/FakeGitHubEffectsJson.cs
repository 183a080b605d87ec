using System.Globalization;
using System.Text.Json;

namespace BusinessOps.TestKit.GitHub;

/// <summary>GitHub's REST shapes for what the effects touch: the repository, Git objects, pull requests, statuses, deployments.</summary>
internal static class FakeGitHubEffectsJson
{
    public static byte[] Write(Action<Utf8JsonWriter> write) => FakeGitHubJson.Write(write);

    public static void Repository(Utf8JsonWriter w, string owner, string name, string defaultBranch, string api, string html)
    {
        w.WriteStartObject();
        w.WriteNumber("id", 1296269);
        w.WriteString("node_id", "R_1");
        w.WriteString("name", name);
        w.WriteString("full_name", owner + "/" + name);
        FakeGitHubJson.User(w, "owner", owner, "Organization");
        w.WriteBoolean("private", true);
        w.WriteString("html_url", html);
        w.WriteString("url", api);
        w.WriteString("default_branch", defaultBranch);
        w.WriteEndObject();
    }

    public static void Reference(Utf8JsonWriter w, string name, string sha, string api)
    {
        w.WriteStartObject();
        w.WriteString("ref", name);
        w.WriteString("node_id", "REF_" + sha[..8]);
        w.WriteString("url", api + "/git/" + name);
        w.WritePropertyName("object");
        w.WriteStartObject();
        w.WriteString("type", "commit");
        w.WriteString("sha", sha);
        w.WriteString("url", api + "/git/commits/" + sha);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void Commit(Utf8JsonWriter w, FakeCommit commit, string api)
    {
        w.WriteStartObject();
        w.WriteString("sha", commit.Sha);
        w.WriteString("node_id", "C_" + commit.Sha[..8]);
        w.WriteString("url", api + "/git/commits/" + commit.Sha);
        w.WriteString("message", commit.Message);
        Person(w, "author", commit.Author);
        Person(w, "committer", commit.Author);
        w.WritePropertyName("tree");
        w.WriteStartObject();
        w.WriteString("sha", commit.Tree);
        w.WriteString("url", api + "/git/trees/" + commit.Tree);
        w.WriteEndObject();
        w.WriteStartArray("parents");
        if (commit.Parent is { } parent)
        {
            w.WriteStartObject();
            w.WriteString("sha", parent);
            w.WriteString("url", api + "/git/commits/" + parent);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void Tree(Utf8JsonWriter w, string sha, IReadOnlyDictionary<string, string> files, string api)
    {
        w.WriteStartObject();
        w.WriteString("sha", sha);
        w.WriteString("url", api + "/git/trees/" + sha);
        w.WriteStartArray("tree");
        foreach (var (path, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("path", path);
            w.WriteString("mode", "100644");
            w.WriteString("type", "blob");
            w.WriteNumber("size", content.Length);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteBoolean("truncated", false);
        w.WriteEndObject();
    }

    public static void Pull(Utf8JsonWriter w, FakeIssue issue, string owner, string api, string html)
    {
        var pull = issue.Pull!;
        var number = issue.Number.ToString(CultureInfo.InvariantCulture);
        w.WriteStartObject();
        w.WriteNumber("id", issue.Id);
        w.WriteString("node_id", "PR_" + number);
        w.WriteString("url", api + "/pulls/" + number);
        w.WriteString("html_url", html + "/pull/" + number);
        w.WriteString("issue_url", api + "/issues/" + number);
        w.WriteNumber("number", issue.Number);
        w.WriteString("state", issue.Closed ? "closed" : "open");
        w.WriteString("title", issue.Title);
        w.WriteString("body", issue.Body);
        FakeGitHubJson.User(w, "user", issue.Author, issue.Author.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User");
        w.WriteBoolean("draft", pull.Draft);
        w.WriteBoolean("merged", false);
        w.WriteString("created_at", FakeGitHubJson.Time(issue.CreatedAt));
        w.WriteString("updated_at", FakeGitHubJson.Time(issue.UpdatedAt));
        Branch(w, "head", owner, pull.Head, pull.HeadSha);
        Branch(w, "base", owner, pull.Base, string.Empty);
        w.WriteEndObject();
    }

    public static void Status(Utf8JsonWriter w, FakeStatus status, string url, string creator)
    {
        w.WriteStartObject();
        w.WriteNumber("id", status.Id);
        w.WriteString("node_id", "S_" + status.Id.ToString(CultureInfo.InvariantCulture));
        w.WriteString("url", url);
        w.WriteString("state", status.State);
        if (status.Context is { } context)
        {
            w.WriteString("context", context);
            w.WriteString("target_url", status.TargetUrl);
        }
        else
        {
            w.WriteString("log_url", status.TargetUrl);
        }

        w.WriteString("description", status.Description ?? string.Empty);
        FakeGitHubJson.User(w, "creator", creator, "User");
        w.WriteString("created_at", FakeGitHubJson.Time(status.CreatedAt));
        w.WriteString("updated_at", FakeGitHubJson.Time(status.CreatedAt));
        w.WriteEndObject();
    }

    public static void Deployment(Utf8JsonWriter w, FakeDeployment deployment, string api)
    {
        var id = deployment.Id.ToString(CultureInfo.InvariantCulture);
        w.WriteStartObject();
        w.WriteNumber("id", deployment.Id);
        w.WriteString("node_id", "DE_" + id);
        w.WriteString("url", api + "/deployments/" + id);
        w.WriteString("sha", deployment.Sha);
        w.WriteString("ref", deployment.Ref);
        w.WriteString("task", "deploy");
        w.WritePropertyName("payload");
        using (var payload = JsonDocument.Parse(deployment.PayloadJson))
        {
            payload.RootElement.WriteTo(w);
        }

        w.WriteString("environment", deployment.Environment);
        w.WriteString("original_environment", deployment.Environment);
        w.WriteString("description", deployment.Description);
        FakeGitHubJson.User(w, "creator", deployment.Creator, "User");
        w.WriteString("created_at", FakeGitHubJson.Time(deployment.CreatedAt));
        w.WriteString("updated_at", FakeGitHubJson.Time(deployment.CreatedAt));
        w.WriteString("statuses_url", api + "/deployments/" + id + "/statuses");
        w.WriteString("repository_url", api);
        w.WriteBoolean("transient_environment", false);
        w.WriteBoolean("production_environment", deployment.Environment == "production");
        w.WriteEndObject();
    }

    private static void Branch(Utf8JsonWriter w, string property, string owner, string branch, string sha)
    {
        w.WritePropertyName(property);
        w.WriteStartObject();
        w.WriteString("label", owner + ":" + branch);
        w.WriteString("ref", branch);
        w.WriteString("sha", sha);
        w.WriteEndObject();
    }

    private static void Person(Utf8JsonWriter w, string property, string name)
    {
        w.WritePropertyName(property);
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("email", name + "@users.noreply.github.com");
        w.WriteString("date", "2026-01-01T00:00:00Z");
        w.WriteEndObject();
    }
}
