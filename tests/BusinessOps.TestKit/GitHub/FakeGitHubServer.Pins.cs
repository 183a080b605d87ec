using System.Globalization;
using System.Text.Json;

namespace BusinessOps.TestKit.GitHub;

/// <summary>
/// Pins, which GitHub offers only through GraphQL: <c>POST /graphql</c> answers the two operations the store sends (the
/// issue's <c>isPinned</c> lookup and <c>pinIssue</c>), with the field aliases the store asks for. Pinning or unpinning
/// by hand records an event on the issue, so it moves <c>updated_at</c> here.
/// </summary>
public sealed partial class FakeGitHubServer
{
    /// <summary>Whether the issue is pinned.</summary>
    public bool IsPinned(int number)
    {
        lock (_gate)
        {
            return _issues[number].Pinned;
        }
    }

    /// <summary>Someone pins or unpins the issue in the web UI.</summary>
    public void SetPinned(int number, bool pinned)
    {
        lock (_gate)
        {
            _issues[number].Pinned = pinned;
            _issues[number].UpdatedAt = Now();
            _version++;
        }
    }

    /// <summary>Someone edits the issue's body in the web UI.</summary>
    public void EditIssueBody(int number, string body)
    {
        lock (_gate)
        {
            _issues[number].Body = body;
            _issues[number].UpdatedAt = Now();
            _version++;
        }
    }

    /// <summary>Someone closes (or reopens) the issue in the web UI.</summary>
    public void SetClosed(int number, bool closed)
    {
        lock (_gate)
        {
            var issue = _issues[number];
            issue.Closed = closed;
            issue.ClosedAt = closed ? Now() : null;
            issue.UpdatedAt = Now();
            _version++;
        }
    }

    private FakeResponse GraphQl(byte[] body)
    {
        string query;
        JsonElement variables;
        try
        {
            using var doc = JsonDocument.Parse(body);
            query = doc.RootElement.GetProperty("query").GetString() ?? string.Empty;
            variables = doc.RootElement.GetProperty("variables").Clone();
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return FakeResponse.Error(400, "Problems parsing JSON");
        }

        if (query.Contains("pinIssue", StringComparison.Ordinal))
        {
            var id = variables.GetProperty("id").GetString() ?? string.Empty;
            if (!id.StartsWith("I_", StringComparison.Ordinal) || !int.TryParse(id.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || !_issues.TryGetValue(n, out var target))
            {
                return Errors("Could not resolve to a node with the global id of '" + id + "'");
            }

            target.Pinned = true;
            _version++;
            return Data(w =>
            {
                w.WriteStartObject("pin_issue");
                WritePinned(w, target);
                w.WriteEndObject();
            });
        }

        var number = variables.GetProperty("number").GetInt32();
        if (!_issues.TryGetValue(number, out var issue))
        {
            return Errors("Could not resolve to an Issue with the number of " + number.ToString(CultureInfo.InvariantCulture) + ".");
        }

        return Data(w =>
        {
            w.WriteStartObject("repository");
            WritePinned(w, issue);
            w.WriteEndObject();
        });
    }

    private static void WritePinned(Utf8JsonWriter w, FakeIssue issue)
    {
        w.WriteStartObject("issue");
        w.WriteString("node_id", "I_" + issue.Number.ToString(CultureInfo.InvariantCulture));
        w.WriteBoolean("is_pinned", issue.Pinned);
        w.WriteEndObject();
    }

    private static FakeResponse Data(Action<Utf8JsonWriter> write) => FakeResponse.Json(200, FakeGitHubJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("data");
        write(w);
        w.WriteEndObject();
        w.WriteEndObject();
    }));

    private static FakeResponse Errors(string message) => FakeResponse.Json(200, FakeGitHubJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteNull("data");
        w.WriteStartArray("errors");
        w.WriteStartObject();
        w.WriteString("message", message);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }));
}
