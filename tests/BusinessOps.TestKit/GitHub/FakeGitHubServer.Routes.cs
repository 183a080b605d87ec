using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace BusinessOps.TestKit.GitHub;

/// <summary>The repository routes (<c>/repos/{owner}/{repo}/…</c>), called under the server's lock.</summary>
public sealed partial class FakeGitHubServer
{
    private FakeResponse Route(string method, string[] rest, Dictionary<string, StringValues> query, byte[] body, DateTimeOffset now)
    {
        JsonElement json = default;
        if (body.Length > 0)
        {
            try
            {
                json = JsonDocument.Parse(body).RootElement.Clone();
            }
            catch (JsonException)
            {
                return FakeResponse.Error(400, "Problems parsing JSON");
            }
        }

        return (method, rest) switch
        {
            ("GET", ["issues"]) => ListIssues(query),
            ("POST", ["issues"]) => CreateIssue(json),
            ("GET", ["issues", "comments"]) => ListRepoComments(query),
            ("GET", ["issues", var n]) => WithIssue(n, i => FakeResponse.Json(200, IssueJson(i))),
            ("GET", ["issues", "comments", var id]) => WithComment(id, c => FakeResponse.Json(200, FakeGitHubJson.Write(w => FakeGitHubJson.Comment(w, c, Api, Html)))),
            ("PATCH", ["issues", "comments", var id]) => WithComment(id, c => UpdateComment(c, json)),
            ("DELETE", ["issues", "comments", var id]) => WithComment(id, c => { DeleteComment(c.Id); return new FakeResponse(204, []); }),
            ("POST", ["issues", "comments", var id, "reactions"]) => WithComment(id, c => React(c, json)),
            ("PATCH", ["issues", var n]) => WithIssue(n, i => UpdateIssue(i, json)),
            ("GET", ["issues", var n, "comments"]) => WithIssue(n, i => ListComments(i, query)),
            ("POST", ["issues", var n, "comments"]) => WithIssue(n, i => CreateComment(i, json)),
            ("POST", ["issues", var n, "labels"]) => WithIssue(n, i => AddLabels(i, json, replace: false)),
            ("PUT", ["issues", var n, "labels"]) => WithIssue(n, i => AddLabels(i, json, replace: true)),
            ("DELETE", ["issues", var n, "labels", var name]) => WithIssue(n, i => RemoveLabel(i, name)),
            ("GET", ["labels"]) => Page(_labels.Values.OrderBy(l => l.Name, StringComparer.OrdinalIgnoreCase).ToList(), query, "/labels", (w, l) => FakeGitHubJson.Label(w, l, Api)),
            ("POST", ["labels"]) => CreateLabel(json),
            ("PATCH", ["labels", var name]) => UpdateLabel(name, json),
            ("GET", ["labels", var name]) => _labels.TryGetValue(name, out var label) ? FakeResponse.Json(200, FakeGitHubJson.Write(w => FakeGitHubJson.Label(w, label, Api))) : FakeResponse.NotFound(),
            ("GET", ["collaborators", var login, "permission"]) => Permission(login),
            _ => EffectRoute(method, rest, query, json) ?? FakeResponse.NotFound(),
        };
    }

    private FakeResponse ListIssues(Dictionary<string, StringValues> query)
    {
        var state = query.TryGetValue("state", out var s) ? s.ToString() : "open";
        var sort = query.TryGetValue("sort", out var so) ? so.ToString() : "created";
        var direction = query.TryGetValue("direction", out var d) ? d.ToString() : "desc";
        var labels = query.TryGetValue("labels", out var l) ? l.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
        var creator = query.TryGetValue("creator", out var c) ? c.ToString() : null;
        DateTimeOffset? since = query.TryGetValue("since", out var si) && DateTimeOffset.TryParse(si.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sinceValue) ? sinceValue : null;
        if (state is not ("open" or "closed" or "all") || sort is not ("created" or "updated" or "comments") || direction is not ("asc" or "desc"))
        {
            return FakeResponse.Error(422, "Validation Failed", "invalid", "state");
        }

        var key = state + "|" + sort + "|" + direction;
        if (_sorted is not { } cached || cached.Version != _version || cached.Key != key)
        {
            IEnumerable<FakeIssue> items = _issues.Values.Where(i => state == "all" || (state == "closed") == i.Closed);
            Func<FakeIssue, long> sortKey = sort switch
            {
                "updated" => i => i.UpdatedAt.UtcTicks,
                "comments" => i => i.Comments.Count,
                _ => i => i.CreatedAt.UtcTicks,
            };
            var ordered = direction == "desc" ? items.OrderByDescending(sortKey).ThenByDescending(i => i.Number) : items.OrderBy(sortKey).ThenBy(i => i.Number);
            _sorted = (_version, key, ordered.ToList());
        }

        var filtered = _sorted.Value.Items.Where(i => (since is null || i.UpdatedAt >= since) && labels.All(x => i.Labels.Contains(x, StringComparer.OrdinalIgnoreCase))
            && (creator is null || string.Equals(i.Author, creator, StringComparison.OrdinalIgnoreCase)));
        return Page(labels.Length == 0 && since is null && creator is null ? _sorted.Value.Items : filtered.ToList(), query, "/issues", (w, i) => FakeGitHubJson.Issue(w, i, Api, Html, LabelOf));
    }

    private FakeResponse Page<T>(IReadOnlyList<T> items, Dictionary<string, StringValues> query, string path, Action<Utf8JsonWriter, T> write)
    {
        var perPage = query.TryGetValue("per_page", out var pp) && int.TryParse(pp, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? Math.Clamp(p, 1, 100) : 30;
        var page = query.TryGetValue("page", out var pg) && int.TryParse(pg, NumberStyles.None, CultureInfo.InvariantCulture, out var g) && g > 0 ? g : 1;
        var last = Math.Max(1, (items.Count + perPage - 1) / perPage);
        var body = FakeGitHubJson.Write(w =>
        {
            w.WriteStartArray();
            for (var i = (page - 1) * perPage; i < Math.Min(items.Count, page * perPage); i++)
            {
                write(w, items[i]);
            }

            w.WriteEndArray();
        });
        var links = new List<string>();
        string Link(int n, string rel)
        {
            var parameters = query.Where(q => q.Key != "page").Select(q => q.Key + "=" + Uri.EscapeDataString(q.Value.ToString())).Append("page=" + n.ToString(CultureInfo.InvariantCulture));
            return "<" + Api + path + "?" + string.Join("&", parameters) + ">; rel=\"" + rel + "\"";
        }

        if (page > 1)
        {
            links.Add(Link(page - 1, "prev"));
            links.Add(Link(1, "first"));
        }

        if (page < last)
        {
            links.Add(Link(page + 1, "next"));
            links.Add(Link(last, "last"));
        }

        return FakeResponse.Json(200, body, links.Count == 0 ? null : new Dictionary<string, string> { ["Link"] = string.Join(", ", links) });
    }

    private FakeResponse WithIssue(string number, Func<FakeIssue, FakeResponse> action) =>
        int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && _issues.TryGetValue(n, out var issue) ? action(issue) : FakeResponse.NotFound();

    private FakeResponse WithComment(string id, Func<FakeComment, FakeResponse> action) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && _comments.TryGetValue(n, out var comment) ? action(comment) : FakeResponse.NotFound();

    private byte[] IssueJson(FakeIssue issue) => FakeGitHubJson.Write(w => FakeGitHubJson.Issue(w, issue, Api, Html, LabelOf));

    private FakeResponse CreateIssue(JsonElement json)
    {
        if (String(json, "title") is not { Length: > 0 } title)
        {
            return FakeResponse.Error(422, "Validation Failed", "missing_field", "title");
        }

        var number = SeedIssue(title, String(json, "body") ?? string.Empty, Strings(json, "labels"), Login);
        return FakeResponse.Json(201, IssueJson(_issues[number]));
    }

    private FakeResponse UpdateIssue(FakeIssue issue, JsonElement json)
    {
        if (String(json, "state") is { } state)
        {
            if (state is not ("open" or "closed"))
            {
                return FakeResponse.Error(422, "Validation Failed", "invalid", "state");
            }

            issue.Closed = state == "closed";
            issue.ClosedAt = issue.Closed ? Now() : null;
            var reason = String(json, "state_reason");
            if (reason is not (null or "completed" or "not_planned" or "reopened"))
            {
                return FakeResponse.Error(422, "Validation Failed", "invalid", "state_reason");
            }

            issue.StateReason = issue.Closed ? reason ?? "completed" : null;
        }

        issue.Title = String(json, "title") ?? issue.Title;
        issue.Body = String(json, "body") ?? issue.Body;
        issue.UpdatedAt = Now();
        _version++;
        return FakeResponse.Json(200, IssueJson(issue));
    }

    private FakeResponse ListComments(FakeIssue issue, Dictionary<string, StringValues> query)
    {
        DateTimeOffset? since = query.TryGetValue("since", out var si) && DateTimeOffset.TryParse(si.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sinceValue) ? sinceValue : null;
        var items = issue.Comments.Where(c => since is null || c.UpdatedAt >= since).ToList();
        return Page(items, query, "/issues/" + issue.Number.ToString(CultureInfo.InvariantCulture) + "/comments", (w, c) => FakeGitHubJson.Comment(w, c, Api, Html));
    }

    private FakeResponse ListRepoComments(Dictionary<string, StringValues> query)
    {
        DateTimeOffset? since = query.TryGetValue("since", out var si) && DateTimeOffset.TryParse(si.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sinceValue) ? sinceValue : null;
        var byUpdated = query.TryGetValue("sort", out var sort) && sort.ToString() == "updated";
        var descending = query.TryGetValue("direction", out var d) ? d.ToString() == "desc" : false;
        IEnumerable<FakeComment> items = _comments.Values.Where(c => since is null || c.UpdatedAt >= since);
        Func<FakeComment, long> key = byUpdated ? c => c.UpdatedAt.UtcTicks : c => c.CreatedAt.UtcTicks;
        var ordered = descending ? items.OrderByDescending(key).ThenByDescending(c => c.Id) : items.OrderBy(key).ThenBy(c => c.Id);
        return Page(ordered.ToList(), query, "/issues/comments", (w, c) => FakeGitHubJson.Comment(w, c, Api, Html));
    }

    private FakeResponse CreateComment(FakeIssue issue, JsonElement json)
    {
        var body = String(json, "body");
        if (string.IsNullOrEmpty(body) || body.Length > 65_536)
        {
            return FakeResponse.Error(422, "Validation Failed", body is null ? "missing_field" : "custom", "body");
        }

        var comment = AddComment(issue, Login, "User", body);
        return FakeResponse.Json(201, FakeGitHubJson.Write(w => FakeGitHubJson.Comment(w, comment, Api, Html)));
    }

    private FakeResponse UpdateComment(FakeComment comment, JsonElement json)
    {
        var body = String(json, "body");
        if (string.IsNullOrEmpty(body) || body.Length > 65_536)
        {
            return FakeResponse.Error(422, "Validation Failed", "custom", "body");
        }

        comment.Body = body;
        comment.UpdatedAt = Now();
        _issues[comment.IssueNumber].UpdatedAt = comment.UpdatedAt;
        _version++;
        return FakeResponse.Json(200, FakeGitHubJson.Write(w => FakeGitHubJson.Comment(w, comment, Api, Html)));
    }

    private FakeResponse React(FakeComment comment, JsonElement json)
    {
        var content = String(json, "content");
        if (content is not ("+1" or "-1" or "laugh" or "confused" or "heart" or "hooray" or "rocket" or "eyes"))
        {
            return FakeResponse.Error(422, "Validation Failed", "invalid", "content");
        }

        var exists = _reactions.Contains((comment.Id, content, Login));
        if (!exists)
        {
            _reactions.Add((comment.Id, content, Login));
        }

        return FakeResponse.Json(exists ? 200 : 201, FakeGitHubJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("id", ++_nextId);
            w.WriteString("node_id", "REA_" + _nextId.ToString(CultureInfo.InvariantCulture));
            FakeGitHubJson.User(w, "user", Login, "User");
            w.WriteString("content", content);
            w.WriteString("created_at", FakeGitHubJson.Time(Now()));
            w.WriteEndObject();
        }));
    }

    private FakeResponse AddLabels(FakeIssue issue, JsonElement json, bool replace)
    {
        var labels = LabelNames(json);
        if (labels is null)
        {
            return FakeResponse.Error(422, "Validation Failed", "missing_field", "labels");
        }

        var result = (replace ? labels : issue.Labels.Concat(labels)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (result.Count > 100)
        {
            return FakeResponse.Error(422, "Validation Failed: an issue can have at most 100 labels", "custom", "labels");
        }

        if (replace)
        {
            issue.Labels.Clear();
        }

        foreach (var label in labels)
        {
            AddLabel(issue, label);
        }

        issue.UpdatedAt = Now();
        _version++;
        return IssueLabels(issue);
    }

    private FakeResponse RemoveLabel(FakeIssue issue, string name)
    {
        var index = issue.Labels.FindIndex(l => l.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return FakeResponse.Error(404, "Label does not exist");
        }

        issue.Labels.RemoveAt(index);
        issue.UpdatedAt = Now();
        _version++;
        return IssueLabels(issue);
    }

    private FakeResponse IssueLabels(FakeIssue issue) => FakeResponse.Json(200, FakeGitHubJson.Write(w =>
    {
        w.WriteStartArray();
        foreach (var name in issue.Labels)
        {
            FakeGitHubJson.Label(w, LabelOf(name), Api);
        }

        w.WriteEndArray();
    }));

    private FakeResponse CreateLabel(JsonElement json)
    {
        var name = String(json, "name");
        var color = String(json, "color") ?? "ededed";
        if (string.IsNullOrEmpty(name) || !IsColor(color))
        {
            return FakeResponse.Error(422, "Validation Failed", "invalid", string.IsNullOrEmpty(name) ? "name" : "color");
        }

        if (_labels.ContainsKey(name))
        {
            return FakeResponse.Error(422, "Validation Failed", "already_exists", "name");
        }

        var label = new FakeLabel(++_nextId, name, color, String(json, "description") ?? string.Empty);
        _labels[name] = label;
        _version++;
        return FakeResponse.Json(201, FakeGitHubJson.Write(w => FakeGitHubJson.Label(w, label, Api)));
    }

    private FakeResponse UpdateLabel(string name, JsonElement json)
    {
        if (!_labels.TryGetValue(name, out var label))
        {
            return FakeResponse.NotFound();
        }

        var color = String(json, "color") ?? label.Color;
        if (!IsColor(color))
        {
            return FakeResponse.Error(422, "Validation Failed", "invalid", "color");
        }

        var updated = label with { Name = String(json, "new_name") ?? label.Name, Color = color, Description = String(json, "description") ?? label.Description };
        _labels.Remove(name);
        _labels[updated.Name] = updated;
        _version++;
        return FakeResponse.Json(200, FakeGitHubJson.Write(w => FakeGitHubJson.Label(w, updated, Api)));
    }

    private FakeResponse Permission(string login)
    {
        if (!_permissions.TryGetValue(login, out var role))
        {
            return FakeResponse.Error(404, "Not Found");
        }

        // GitHub's legacy 'permission' folds maintain into write and triage into read; 'role_name' keeps them.
        var permission = role switch { "admin" => "admin", "maintain" or "write" => "write", "triage" or "read" => "read", _ => "none" };
        return FakeResponse.Json(200, FakeGitHubJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("permission", permission);
            w.WriteString("role_name", role);
            FakeGitHubJson.User(w, "user", login, "User");
            w.WriteEndObject();
        }));
    }

    /// <summary>GitHub accepts <c>{"labels": [...]}</c> or a bare array, of names or of <c>{"name": …}</c> objects.</summary>
    private static List<string>? LabelNames(JsonElement json)
    {
        var list = json.ValueKind == JsonValueKind.Array ? json
            : json.ValueKind == JsonValueKind.Object && json.TryGetProperty("labels", out var labels) && labels.ValueKind == JsonValueKind.Array ? labels
            : default;
        return list.ValueKind != JsonValueKind.Array
            ? null
            : [.. list.EnumerateArray()
                .Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.ValueKind == JsonValueKind.Object ? String(v, "name") : null)
                .Where(n => !string.IsNullOrEmpty(n))
                .Select(n => n!)];
    }

    private static bool IsColor(string color) => color.Length == 6 && color.All(Uri.IsHexDigit);

    private static string? String(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string>? Strings(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : null;
}
