using System.Collections.Concurrent;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;
using BusinessOps.GitHub.Api;
using BusinessOps.GitHub.Errors;
using BusinessOps.GitHub.Events;
using BusinessOps.GitHub.Http;
using BusinessOps.GitHub.Store;
using Octokit;
using IssueComment = BusinessOps.Core.Issues.IssueComment;
using NewIssue = BusinessOps.Core.Ports.NewIssue;

namespace BusinessOps.GitHub;

/// <summary>
/// <see cref="IIssueStore"/> on GitHub's REST API through Octokit. Listing keeps a persisted index and asks GitHub only
/// for what changed since its watermark (<c>since</c>), so an idle pass is two short conditional listings: free (304)
/// while the token stays the same, two requests' cost with a new token (GitHub's ETags belong to the token). Comments
/// are fetched only for issues whose <c>updated_at</c> or comment count moved.
/// </summary>
public sealed partial class GitHubIssueStore : IIssueStore, IDisposable
{
    private static readonly Dictionary<string, ReactionType> Reactions = new(StringComparer.Ordinal)
    {
        ["+1"] = ReactionType.Plus1,
        ["-1"] = ReactionType.Minus1,
        ["laugh"] = ReactionType.Laugh,
        ["confused"] = ReactionType.Confused,
        ["heart"] = ReactionType.Heart,
        ["hooray"] = ReactionType.Hooray,
        ["rocket"] = ReactionType.Rocket,
        ["eyes"] = ReactionType.Eyes,
    };

    private readonly GitHubApi _api;
    private readonly GitHubOptions _options;
    private readonly SnapshotIndexFile _indexFile;
    private readonly SemaphoreSlim _indexGate = new(1, 1);
    private readonly SemaphoreSlim _identityGate = new(1, 1);
    private readonly ConcurrentDictionary<string, RepositoryPermission> _permissions = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, byte> _knownLabels = new(StringComparer.OrdinalIgnoreCase);
    private SnapshotIndex? _index;
    private bool _indexLoaded;
    private string? _identity;

    // Set when a comment edit was patched into the index; saved on Dispose (or by the next listing).
    private bool _indexDirty;

    /// <summary>Creates a store; <paramref name="handler"/> replaces the default socket handler (tests, proxies).</summary>
    public GitHubIssueStore(GitHubOptions options, TimeProvider clock, HttpMessageHandler? handler = null)
    {
        _options = options;
        _api = new GitHubApi(options, clock, handler);
        _indexFile = new SnapshotIndexFile(options.CacheDirectory, Location);
        _identity = options.Identity;
    }

    /// <summary>What this store has sent so far (requests by kind, 304s, rate-limit cost, retries), for run summaries and benchmarks.</summary>
    public GitHubStats Stats => _api.Transport.Stats;

    /// <summary>The store's endpoints, client and pacing, shared with the GitHub effect connector (one rate-limit budget).</summary>
    internal GitHubApi Api => _api;

    /// <summary>The API base, always ending with '/'.</summary>
    public Uri BaseAddress => _api.Transport.BaseAddress;

    /// <summary>
    /// The login this store writes as. Resolved once: configured, <c>{slug}[bot]</c> for an App, <c>github-actions[bot]</c>
    /// for an Actions installation token (<c>ghs_…</c>, which cannot call <c>GET /user</c>), else <c>GET /user</c>.
    /// Prefer <see cref="ResolveIdentityAsync"/> in async code; this getter blocks on first use.
    /// </summary>
    public string Identity => _identity ?? ResolveIdentityAsync(CancellationToken.None).GetAwaiter().GetResult();

    public string Location => _options.Owner + "/" + _options.Repository;

    /// <summary>Reads configuration from environment variables (see <see cref="GitHubOptions.TryFromEnvironment"/>) and builds a store.</summary>
    public static bool TryFromEnvironment(IReadOnlyDictionary<string, string?> env, TimeProvider clock, out GitHubIssueStore? store, out string? error)
    {
        store = null;
        if (!GitHubOptions.TryFromEnvironment(env, out var options, out error))
        {
            return false;
        }

        store = new GitHubIssueStore(options!, clock);
        return true;
    }

    public async Task<string> ResolveIdentityAsync(CancellationToken cancellationToken)
    {
        if (_identity is not null)
        {
            return _identity;
        }

        await _identityGate.WaitAsync(cancellationToken);
        try
        {
            if (_identity is not null)
            {
                return _identity;
            }

            if (_options.App is { } app)
            {
                var slug = app.Slug ?? (await _api.GetAppAsync(cancellationToken))?.Slug;
                _identity = (slug ?? "app-" + app.AppId) + "[bot]";
            }
            else if (_options.Token!.StartsWith("ghs_", StringComparison.Ordinal))
            {
                _identity = "github-actions[bot]";
            }
            else
            {
                _identity = (await _api.GetAuthenticatedUserAsync(cancellationToken)).Login;
            }

            return _identity;
        }
        finally
        {
            _identityGate.Release();
        }
    }

    public async Task<IssueSnapshot?> GetIssueAsync(int number, CancellationToken cancellationToken)
    {
        IssueRecord issue;
        try
        {
            var read = await _api.GetIssueAsync(number, cancellationToken);
            _issueIds[number] = read.Id;
            issue = SnapshotMapper.ToRecord(read);
        }
        catch (GitHubNotFoundException)
        {
            if (await RepositoryExistsAsync(cancellationToken))
            {
                return null;
            }

            throw;
        }

        IndexedIssue? cached;
        await _indexGate.WaitAsync(cancellationToken);
        try
        {
            cached = (_index ?? LoadIndex())?.Issues.Find(i => i.Issue.Number == number);
        }
        finally
        {
            _indexGate.Release();
        }

        var comments = issue.Comments == 0 ? []
            : cached is { Comments: { } c } && cached.CommentsFor == issue.UpdatedAt && cached.CommentsCount == issue.Comments ? c
            : await FetchCommentsAsync(number, cancellationToken);
        return SnapshotMapper.ToSnapshot(issue, comments);
    }

    /// <summary>All comments of one issue, oldest first (one conditional request per 100 comments).</summary>
    public async Task<IReadOnlyList<IssueComment>> ListCommentsAsync(int number, CancellationToken cancellationToken) =>
        [.. (await FetchCommentsAsync(number, cancellationToken)).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select(SnapshotMapper.ToComment)];

    /// <summary>
    /// Event mode: the payload's issue with its comments, without re-reading the issue. No request at all when the
    /// payload says it has no comments; otherwise one conditional comments read.
    /// </summary>
    public async Task<IssueSnapshot> CompleteAsync(ParsedEvent parsed, CancellationToken cancellationToken) =>
        parsed.CommentCount == 0 ? parsed.Issue : parsed.Issue with { Comments = await ListCommentsAsync(parsed.IssueNumber, cancellationToken) };

    public async Task<IssueSnapshot> CreateIssueAsync(NewIssue issue, CancellationToken cancellationToken)
    {
        var labels = issue.Labels.Where(l => !string.IsNullOrWhiteSpace(l)).Distinct(StringComparer.OrdinalIgnoreCase).Take(100).ToList();
        var created = await _api.CreateIssueAsync(issue.Title, issue.Body, labels, cancellationToken);
        _issueIds[created.Number] = created.Id;
        return SnapshotMapper.ToSnapshot(SnapshotMapper.ToRecord(created), []);
    }

    public async Task<IssueComment> AddCommentAsync(int number, string body, CancellationToken cancellationToken) =>
        SnapshotMapper.ToComment(SnapshotMapper.ToRecord(await _api.CreateCommentAsync(number, body, cancellationToken)));

    public async Task<IssueComment> UpdateCommentAsync(int number, long commentId, string body, CancellationToken cancellationToken)
    {
        try
        {
            var updated = SnapshotMapper.ToRecord(await _api.UpdateCommentAsync(commentId, body, cancellationToken));
            await PatchIndexedCommentAsync(number, updated, cancellationToken);
            return SnapshotMapper.ToComment(updated);
        }
        catch (GitHubNotFoundException ex)
        {
            throw new GitHubNotFoundException($"Comment {commentId} on issue #{number} no longer exists (deleted?); post a new one.", ex.StatusCode ?? System.Net.HttpStatusCode.NotFound);
        }
    }

    /// <summary>One POST for all additions (GitHub creates unknown labels), one DELETE per removal (404 = already gone).</summary>
    public async Task UpdateLabelsAsync(int number, IReadOnlyCollection<string> add, IReadOnlyCollection<string> remove, CancellationToken cancellationToken)
    {
        var removals = remove.Where(r => !string.IsNullOrWhiteSpace(r)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var additions = add.Where(a => !string.IsNullOrWhiteSpace(a) && !removals.Contains(a, StringComparer.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (additions.Count > 100)
        {
            throw new GitHubValidationException($"Issue #{number}: {additions.Count} labels to add, but GitHub allows at most 100 labels per issue.", System.Net.HttpStatusCode.UnprocessableEntity);
        }

        foreach (var label in removals)
        {
            await _api.RemoveLabelAsync(number, label, cancellationToken);
        }

        if (additions.Count > 0)
        {
            await _api.AddLabelsAsync(number, additions, cancellationToken);
        }
    }

    public Task SetStateAsync(int number, IssueState state, CancellationToken cancellationToken) =>
        _api.SetIssueStateAsync(number, state == IssueState.Closed, cancellationToken);

    /// <summary>One lookup per login per store instance (a run); non-collaborators are <see cref="RepositoryPermission.None"/>.</summary>
    public async Task<RepositoryPermission> GetPermissionAsync(string login, CancellationToken cancellationToken)
    {
        if (_permissions.TryGetValue(login, out var known))
        {
            return known;
        }

        var permission = SnapshotMapper.ToPermission(await _api.GetPermissionAsync(login, cancellationToken));
        _permissions[login] = permission;
        return permission;
    }

    public Task AddReactionAsync(int number, long commentId, string reaction, CancellationToken cancellationToken) =>
        Reactions.TryGetValue(reaction, out var type)
            ? _api.AddReactionAsync(commentId, type, cancellationToken)
            : throw new GitHubValidationException($"'{reaction}' is not a GitHub reaction (use one of {string.Join(", ", Reactions.Keys)}).", System.Net.HttpStatusCode.UnprocessableEntity);

    public async Task<IReadOnlyList<LabelDefinition>> ListLabelsAsync(CancellationToken cancellationToken)
    {
        var labels = await _api.ListRepoLabelsAsync(cancellationToken);
        foreach (var label in labels)
        {
            _knownLabels[label.Name] = 0;
        }

        return [.. labels.Select(l => new LabelDefinition(l.Name, l.Color ?? string.Empty, l.Description ?? string.Empty))];
    }

    /// <summary>Updates a label this store has seen (PATCH) or creates it (POST), falling back to the other on 404/422.</summary>
    public async Task UpsertLabelAsync(LabelDefinition label, CancellationToken cancellationToken)
    {
        if (_knownLabels.ContainsKey(label.Name))
        {
            try
            {
                await _api.UpdateRepoLabelAsync(label, cancellationToken);
                return;
            }
            catch (GitHubNotFoundException)
            {
                // Deleted meanwhile: create it below.
            }

            await _api.CreateRepoLabelAsync(label, cancellationToken);
            return;
        }

        try
        {
            await _api.CreateRepoLabelAsync(label, cancellationToken);
        }
        catch (GitHubValidationException)
        {
            // 422 already_exists: it was there after all.
            await _api.UpdateRepoLabelAsync(label, cancellationToken);
        }

        _knownLabels[label.Name] = 0;
    }

    public void Dispose()
    {
        if (_indexDirty && _index is not null)
        {
            _indexFile.Save(_index);
        }

        _api.Dispose();
        _indexGate.Dispose();
        _identityGate.Dispose();
    }

    private async Task<List<CommentRecord>> FetchCommentsAsync(int number, CancellationToken cancellationToken) =>
        [.. (await _api.ListCommentsAsync(number, cancellationToken)).Select(SnapshotMapper.ToRecord)];

    private async Task<bool> RepositoryExistsAsync(CancellationToken cancellationToken)
    {
        // A 404 on an issue is "no such issue" only if the repository itself answers; otherwise the 404 is the real error.
        try
        {
            await _api.ListRepoLabelsAsync(cancellationToken);
            return true;
        }
        catch (GitHubNotFoundException)
        {
            return false;
        }
    }
}
