using System.Security.Cryptography;
using System.Text;

namespace BusinessOps.TestKit.GitHub;

/// <summary>
/// What the effects act on: a small Git repository (commits, trees as path → text, branches), pull requests opened through
/// the API, sub-issues, deployments with statuses, commit statuses — and switches for what a GitHub may not offer.
/// </summary>
public sealed partial class FakeGitHubServer
{
    private readonly Dictionary<string, FakeCommit> _commits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> _trees = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _branches = new(StringComparer.Ordinal);
    private readonly List<FakeDeployment> _deployments = [];
    private readonly Dictionary<string, List<FakeStatus>> _commitStatuses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeInstallationToken> _fineGrainedTokens = new(StringComparer.Ordinal);

    /// <summary>The repository's default branch; it starts with one commit holding <c>README.md</c>.</summary>
    public string DefaultBranch { get; set; } = "main";

    /// <summary>False: the sub-issues endpoints answer 404, as on an Enterprise Server without them.</summary>
    public bool SubIssuesEnabled { get; set; } = true;

    /// <summary>False: a draft pull request is refused with 422, as in a private repository on GitHub Free.</summary>
    public bool DraftPullRequestsSupported { get; set; } = true;

    /// <summary>True: creating a deployment answers 409, as when the ref's required status checks have not passed.</summary>
    public bool DeploymentChecksFailing { get; set; }

    /// <summary>Every branch and the commit it points to.</summary>
    public IReadOnlyDictionary<string, string> Branches
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, string>(_branches, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>
    /// A fine-grained personal access token allowed only <paramref name="permissions"/> (name → read/write); any other
    /// request answers 403 naming the permission in <c>x-accepted-github-permissions</c>, as GitHub does.
    /// </summary>
    public string FineGrainedToken(params (string Permission, string Level)[] permissions)
    {
        lock (_gate)
        {
            var token = "github_pat_Fake" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
            _fineGrainedTokens[token] = new FakeInstallationToken("pat", null, permissions.ToDictionary(p => p.Permission, p => p.Level, StringComparer.Ordinal));
            return token;
        }
    }

    /// <summary>Creates (or moves) a branch with one commit of <paramref name="files"/> on the default branch, as a person would push it.</summary>
    public string SeedBranch(string branch, IReadOnlyDictionary<string, string> files, string message = "Work in progress")
    {
        lock (_gate)
        {
            EnsureRepository();
            var parent = _branches[DefaultBranch];
            var tree = AddTree(new Dictionary<string, string>(_trees[_commits[parent].Tree], StringComparer.Ordinal), files);
            var commit = AddCommit(message, tree, parent, "alice");
            _branches[branch] = commit.Sha;
            return commit.Sha;
        }
    }

    /// <summary>The files of a branch (path → text), or null when there is no such branch.</summary>
    public IReadOnlyDictionary<string, string>? FilesOf(string branch)
    {
        lock (_gate)
        {
            EnsureRepository();
            return _branches.TryGetValue(branch, out var sha) ? new Dictionary<string, string>(_trees[_commits[sha].Tree], StringComparer.Ordinal) : null;
        }
    }

    /// <summary>The commit a branch points to, or null.</summary>
    public FakeCommit? HeadOf(string branch)
    {
        lock (_gate)
        {
            EnsureRepository();
            return _branches.TryGetValue(branch, out var sha) ? _commits[sha] : null;
        }
    }

    /// <summary>Deletes a branch behind the client's back (as after merging its pull request).</summary>
    public void DeleteBranch(string branch)
    {
        lock (_gate)
        {
            _branches.Remove(branch);
        }
    }

    /// <summary>Every pull request opened through the API, in order.</summary>
    public IReadOnlyList<FakePullView> PullRequests
    {
        get
        {
            lock (_gate)
            {
                return [.. _issues.Values.Where(i => i.Pull is not null).Select(i => new FakePullView(i.Number, i.Title, i.Body, i.Pull!.Head, i.Pull.HeadSha, i.Pull.Base, i.Pull.Draft, i.Author))];
            }
        }
    }

    /// <summary>Every deployment, oldest first.</summary>
    public IReadOnlyList<FakeDeploymentView> Deployments
    {
        get
        {
            lock (_gate)
            {
                return [.. _deployments.Select(d => new FakeDeploymentView(d.Id, d.Ref, d.Environment, d.PayloadJson, [.. d.Statuses]))];
            }
        }
    }

    /// <summary>The statuses of a commit, oldest first.</summary>
    public IReadOnlyList<FakeStatus> CommitStatuses(string sha)
    {
        lock (_gate)
        {
            return _commitStatuses.TryGetValue(sha, out var statuses) ? [.. statuses] : [];
        }
    }

    /// <summary>Opens a pull request from a branch (as a person would).</summary>
    public int SeedPullRequest(string branch, string title, string author = "alice")
    {
        lock (_gate)
        {
            EnsureRepository();
            var number = SeedIssue(title, string.Empty, null, author, pullRequest: true);
            _issues[number].Pull = new FakePull(branch, _branches[branch], DefaultBranch, Draft: false);
            return number;
        }
    }

    /// <summary>Issues that are sub-issues of <paramref name="parent"/>, in the order they were added.</summary>
    public IReadOnlyList<int> SubIssuesOf(int parent)
    {
        lock (_gate)
        {
            return [.. _issues.Values.Where(i => i.Parent == parent).Select(i => i.Number)];
        }
    }

    // The default branch and its first commit, made on first use (under the lock).
    private void EnsureRepository()
    {
        if (_branches.ContainsKey(DefaultBranch))
        {
            return;
        }

        var tree = AddTree([], new Dictionary<string, string> { ["README.md"] = "# " + Repository + "\n" });
        _branches[DefaultBranch] = AddCommit("Initial commit", tree, null, "alice").Sha;
    }

    private string AddTree(Dictionary<string, string> files, IReadOnlyDictionary<string, string> changes)
    {
        foreach (var (path, content) in changes)
        {
            files[path] = content;
        }

        var sha = Sha(string.Join("\n", files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "\0" + f.Value)));
        _trees[sha] = files;
        return sha;
    }

    private FakeCommit AddCommit(string message, string tree, string? parent, string author)
    {
        var commit = new FakeCommit(Sha(tree + "\n" + parent + "\n" + message + "\n" + ++_nextId), message, tree, parent, author);
        _commits[commit.Sha] = commit;
        return commit;
    }

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..40];
}
