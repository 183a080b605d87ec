using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace BusinessOps.TestKit.GitHub;

/// <summary>The repository routes the effects use (Git data, pull requests, statuses, deployments, sub-issues), under the server's lock.</summary>
public sealed partial class FakeGitHubServer
{
    private FakeResponse? EffectRoute(string method, string[] rest, Dictionary<string, StringValues> query, JsonElement json)
    {
        EnsureRepository();
        return (method, rest) switch
        {
            ("GET", []) => FakeResponse.Json(200, FakeGitHubEffectsJson.Write(w => FakeGitHubEffectsJson.Repository(w, Owner, Repository, DefaultBranch, Api, Html))),
            ("GET", ["git", "ref", "heads", .. var name]) => _branches.TryGetValue(string.Join('/', name), out var sha)
                ? FakeResponse.Json(200, FakeGitHubEffectsJson.Write(w => FakeGitHubEffectsJson.Reference(w, "refs/heads/" + string.Join('/', name), sha, Api)))
                : FakeResponse.NotFound(),
            ("GET", ["git", "commits", var sha]) => _commits.TryGetValue(sha, out var commit) ? FakeResponse.Json(200, FakeGitHubEffectsJson.Write(w => FakeGitHubEffectsJson.Commit(w, commit, Api))) : FakeResponse.NotFound(),
            ("POST", ["git", "trees"]) => CreateTree(json),
            ("POST", ["git", "commits"]) => CreateCommit(json),
            ("POST", ["git", "refs"]) => CreateRef(json),
            ("GET", ["pulls"]) => ListPulls(query),
            ("POST", ["pulls"]) => CreatePull(json),
            ("GET", ["pulls", var n]) => WithIssue(n, i => i.Pull is null ? FakeResponse.NotFound() : FakeResponse.Json(200, PullJson(i))),
            ("POST", ["statuses", var sha]) => CreateCommitStatus(sha, json),
            ("GET", ["commits", var sha, "statuses"]) => _commitStatuses.TryGetValue(sha, out var statuses)
                ? Page([.. Enumerable.Reverse(statuses)], query, "/commits/" + sha + "/statuses", (w, s) => FakeGitHubEffectsJson.Status(w, s, Api + "/statuses/" + sha, Login))
                : Page(new List<FakeStatus>(), query, "/commits/" + sha + "/statuses", (w, s) => FakeGitHubEffectsJson.Status(w, s, Api + "/statuses/" + sha, Login)),
            ("POST", ["deployments"]) => CreateDeployment(json),
            ("GET", ["deployments"]) => ListDeployments(query),
            ("POST", ["deployments", var id, "statuses"]) => WithDeployment(id, d => CreateDeploymentStatus(d, json)),
            ("GET", ["deployments", var id, "statuses"]) => WithDeployment(id, d => Page([.. Enumerable.Reverse(d.Statuses)], query, $"/deployments/{id}/statuses", (w, s) => FakeGitHubEffectsJson.Status(w, s, DeploymentStatusUrl(d, s), Login))),
            ("POST", ["issues", var n, "sub_issues"]) => SubIssuesEnabled ? WithIssue(n, i => AddSubIssue(i, json)) : FakeResponse.NotFound(),
            ("GET", ["issues", var n, "sub_issues"]) => SubIssuesEnabled
                ? WithIssue(n, i => Page(_issues.Values.Where(c => c.Parent == i.Number).ToList(), query, $"/issues/{n}/sub_issues", (w, c) => FakeGitHubJson.Issue(w, c, Api, Html, LabelOf)))
                : FakeResponse.NotFound(),
            _ => null,
        };
    }

    private FakeResponse CreateTree(JsonElement json)
    {
        var baseTree = String(json, "base_tree");
        if (baseTree is not null && !_trees.ContainsKey(baseTree))
        {
            return FakeResponse.Error(422, "Validation Failed", "invalid", "base_tree");
        }

        if (!json.TryGetProperty("tree", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            return FakeResponse.Error(422, "Validation Failed", "missing_field", "tree");
        }

        var changes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries.EnumerateArray())
        {
            if (String(entry, "path") is not { Length: > 0 } path || String(entry, "mode") != "100644" || String(entry, "type") != "blob" || String(entry, "content") is not { } content)
            {
                return FakeResponse.Error(422, "Validation Failed", "invalid", "tree");
            }

            changes[path] = content;
        }

        var files = baseTree is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(_trees[baseTree], StringComparer.Ordinal);
        var sha = AddTree(files, changes);
        return FakeResponse.Json(201, FakeGitHubEffectsJson.Write(w => FakeGitHubEffectsJson.Tree(w, sha, _trees[sha], Api)));
    }

    private FakeResponse CreateCommit(JsonElement json)
    {
        var parents = Strings(json, "parents") ?? [];
        if (String(json, "message") is not { Length: > 0 } message || String(json, "tree") is not { } tree || !_trees.ContainsKey(tree) || parents.Count != 1 || !_commits.ContainsKey(parents[0]))
        {
            return FakeResponse.Error(422, "Validation Failed", "invalid", "commit");
        }

        var commit = AddCommit(message, tree, parents[0], Login);
        return FakeResponse.Json(201, FakeGitHubEffectsJson.Write(w => FakeGitHubEffectsJson.Commit(w, commit, Api)));
    }

    private FakeResponse CreateRef(JsonElement json)
    {
        if (String(json, "ref") is not { } name || !name.StartsWith("refs/heads/", StringComparison.Ordinal) || String(json, "sha") is not { } sha || !_commits.ContainsKey(sha))
        {
            return FakeResponse.Error(422, "Validation Failed", "invalid", "ref");
        }

        var branch = name["refs/heads/".Length..];
        if (_branches.ContainsKey(branch))
        {
            return FakeResponse.Error(422, "Reference already exists");
        }

        _branches[branch] = sha;
        return FakeResponse.Json(201, FakeGitHubEffectsJson.Write(w => FakeGitHubEffectsJson.Reference(w, name, sha, Api)));
    }

    private FakeResponse ListPulls(Dictionary<string, StringValues> query)
    {
        var state = query.TryGetValue("state", out var s) ? s.ToString() : "open";
        var head = query.TryGetValue("head", out var h) ? h.ToString() : null;
        var pulls = _issues.Values
            .Where(i => i.Pull is not null && (state == "all" || (state == "closed") == i.Closed))
            .Where(i => head is null || string.Equals(head, Owner + ":" + i.Pull!.Head, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(i => i.Number)
            .ToList();
        return Page(pulls, query, "/pulls", (w, i) => FakeGitHubEffectsJson.Pull(w, i, Owner, Api, Html));
    }

    private FakeResponse CreatePull(JsonElement json)
    {
        var head = String(json, "head");
        var baseBranch = String(json, "base");
        if (String(json, "title") is not { Length: > 0 } title || head is null || baseBranch is null || !_branches.TryGetValue(head, out var headSha) || !_branches.TryGetValue(baseBranch, out var baseSha))
        {
            return FakeResponse.Error(422, "Validation Failed", "invalid", "head");
        }

        var draft = json.TryGetProperty("draft", out var d) && d.ValueKind == JsonValueKind.True;
        if (draft && !DraftPullRequestsSupported)
        {
            return FakeResponse.Error(422, "Draft pull requests are not supported in this repository.");
        }

        if (_issues.Values.Any(i => i.Pull is { } p && !i.Closed && p.Head == head))
        {
            return FakeResponse.Error(422, "Validation Failed: A pull request already exists for " + Owner + ":" + head + ".", "custom", "head");
        }

        if (headSha == baseSha)
        {
            return FakeResponse.Error(422, "Validation Failed: No commits between " + baseBranch + " and " + head, "custom", "head");
        }

        var number = SeedIssue(title, String(json, "body") ?? string.Empty, null, Login, pullRequest: true);
        _issues[number].Pull = new FakePull(head, headSha, baseBranch, draft);
        return FakeResponse.Json(201, PullJson(_issues[number]));
    }

    private byte[] PullJson(FakeIssue issue) => FakeGitHubEffectsJson.Write(w => FakeGitHubEffectsJson.Pull(w, issue, Owner, Api, Html));

    private FakeResponse CreateCommitStatus(string sha, JsonElement json)
    {
        if (!_commits.ContainsKey(sha))
        {
            return FakeResponse.Error(422, "No commit found for SHA: " + sha);
        }

        if (String(json, "state") is not ("pending" or "success" or "failure" or "error") || String(json, "context") is not { } context)
        {
            return FakeResponse.Error(422, "Validation Failed", "invalid", "state");
        }

        var status = new FakeStatus(++_nextId, String(json, "state")!, context, String(json, "description"), String(json, "target_url"), Now());
        if (!_commitStatuses.TryGetValue(sha, out var list))
        {
            _commitStatuses[sha] = list = [];
        }

        list.Add(status);
        return FakeResponse.Json(201, FakeGitHubEffectsJson.Write(w => FakeGitHubEffectsJson.Status(w, status, Api + "/statuses/" + sha, Login)));
    }

    private FakeResponse CreateDeployment(JsonElement json)
    {
        if (String(json, "ref") is not { Length: > 0 } gitRef)
        {
            return FakeResponse.Error(422, "Validation Failed", "missing_field", "ref");
        }

        var sha = _branches.TryGetValue(gitRef, out var branchSha) ? branchSha : _commits.ContainsKey(gitRef) ? gitRef : null;
        if (sha is null)
        {
            return FakeResponse.Error(422, "No ref found for: " + gitRef);
        }

        if (DeploymentChecksFailing)
        {
            return FakeResponse.Error(409, "Conflict: Commit status checks failed for " + gitRef + ".");
        }

        var deployment = new FakeDeployment
        {
            Id = ++_nextId,
            Ref = gitRef,
            Sha = sha,
            Environment = String(json, "environment") ?? "production",
            Description = String(json, "description"),
            PayloadJson = json.TryGetProperty("payload", out var payload) ? payload.GetRawText() : "{}",
            Creator = Login,
            CreatedAt = Now(),
        };
        _deployments.Add(deployment);
        return FakeResponse.Json(201, FakeGitHubEffectsJson.Write(w => FakeGitHubEffectsJson.Deployment(w, deployment, Api)));
    }

    private FakeResponse ListDeployments(Dictionary<string, StringValues> query)
    {
        var environment = query.TryGetValue("environment", out var e) ? e.ToString() : null;
        var gitRef = query.TryGetValue("ref", out var r) ? r.ToString() : null;
        var found = Enumerable.Reverse(_deployments).Where(d => (environment is null || d.Environment == environment) && (gitRef is null || d.Ref == gitRef)).ToList();
        return Page(found, query, "/deployments", (w, d) => FakeGitHubEffectsJson.Deployment(w, d, Api));
    }

    private FakeResponse WithDeployment(string id, Func<FakeDeployment, FakeResponse> action) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && _deployments.Find(d => d.Id == n) is { } deployment ? action(deployment) : FakeResponse.NotFound();

    private FakeResponse CreateDeploymentStatus(FakeDeployment deployment, JsonElement json)
    {
        if (String(json, "state") is not ("queued" or "in_progress" or "pending" or "success" or "failure" or "error" or "inactive") || String(json, "state") is not { } state)
        {
            return FakeResponse.Error(422, "Validation Failed", "invalid", "state");
        }

        var status = new FakeStatus(++_nextId, state, null, String(json, "description"), String(json, "log_url"), Now());
        deployment.Statuses.Add(status);
        return FakeResponse.Json(201, FakeGitHubEffectsJson.Write(w => FakeGitHubEffectsJson.Status(w, status, DeploymentStatusUrl(deployment, status), Login)));
    }

    private string DeploymentStatusUrl(FakeDeployment deployment, FakeStatus status) =>
        Api + "/deployments/" + deployment.Id.ToString(CultureInfo.InvariantCulture) + "/statuses/" + status.Id.ToString(CultureInfo.InvariantCulture);

    private FakeResponse AddSubIssue(FakeIssue parent, JsonElement json)
    {
        if (!json.TryGetProperty("sub_issue_id", out var id) || !id.TryGetInt64(out var childId) || _issues.Values.FirstOrDefault(i => i.Id == childId) is not { } child)
        {
            return FakeResponse.Error(422, "Validation Failed", "invalid", "sub_issue_id");
        }

        if (child.Parent is not null || child.Number == parent.Number)
        {
            return FakeResponse.Error(422, "Validation Failed: the issue already has a parent", "custom", "sub_issue_id");
        }

        if (_issues.Values.Count(i => i.Parent == parent.Number) >= 100)
        {
            return FakeResponse.Error(422, "Validation Failed: an issue can have at most 100 sub-issues", "custom", "sub_issue_id");
        }

        child.Parent = parent.Number;
        parent.UpdatedAt = Now();
        _version++;
        return FakeResponse.Json(201, IssueJson(parent));
    }
}
