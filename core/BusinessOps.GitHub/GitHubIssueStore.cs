using System.Collections.Concurrent;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;
using BusinessOps.GitHub.Client;
using BusinessOps.GitHub.Errors;
using BusinessOps.GitHub.Events;
using BusinessOps.GitHub.Http;
using BusinessOps.GitHub.Json;
using BusinessOps.GitHub.Store;

namespace BusinessOps.GitHub;

/// <summary>
/// <see cref="IIssueStore"/> on GitHub's REST API. Listing walks the repository's issues newest-updated first and keeps
/// a persisted index, so an idle pass is one conditional request answered 304 (zero rate-limit cost) and a busy pass
/// fetches only what changed. Comments are fetched only for issues whose <c>updated_at</c> or comment count moved.
/// </summary>
public sealed partial class GitHubIssueStore : IIssueStore, IDisposable
{
    private static readonly HashSet<string> Reactions = new(StringComparer.Ordinal) { "+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes" };
    private readonly GitHubClient _client;
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
        Connection = new GitHubConnection(options, clock, handler);
        _client = new GitHubClient(Connection);
        _indexFile = new SnapshotIndexFile(options.CacheDirectory, Location);
        _identity = options.Identity;
    }

    /// <summary>The request path, with <see cref="GitHubConnection.Stats"/> for run summaries and benchmarks.</summary>
    public GitHubConnection Connection { get; }

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
                var slug = app.Slug ?? (await _client.GetAppAsync(cancellationToken)).Slug;
                _identity = (slug ?? "app-" + app.AppId) + "[bot]";
            }
            else if (_options.Token!.StartsWith("ghs_", StringComparison.Ordinal))
            {
                _identity = "github-actions[bot]";
            }
            else
            {
                _identity = (await _client.GetAuthenticatedUserAsync(cancellationToken)).Login;
            }

            return _identity;
        }
        finally
        {
            _identityGate.Release();
        }
    }

    public async Task<IReadOnlyList<IssueSnapshot>> ListIssuesAsync(IssueQuery query, CancellationToken cancellationToken)
    {
        await _indexGate.WaitAsync(cancellationToken);
        try
        {
            var index = await RefreshIndexAsync(query.Since ?? DateTimeOffset.MinValue, cancellationToken);
            var byNumber = index.Issues.ToDictionary(i => i.Issue.Number);
            var commentsWatermark = await RefreshEditedCommentsAsync(index, byNumber, cancellationToken);
            var matches = byNumber.Values
                .Where(i => i.Issue.PullRequest is null && Matches(i.Issue, query))
                .OrderBy(i => i.Issue.Number)
                .ToList();

            // Comments are fetched only where updated_at or the count moved; issues without comments need no request.
            var stale = matches.Where(e => e.Comments is null || e.CommentsFor != e.Issue.UpdatedAt || e.CommentsCount != e.Issue.Comments).ToList();
            await Parallel.ForEachAsync(
                stale,
                new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentReads, CancellationToken = cancellationToken },
                async (entry, ct) =>
                {
                    var comments = entry.Issue.Comments == 0 ? [] : await _client.ListCommentsAsync(entry.Issue.Number, null, ct);
                    lock (byNumber)
                    {
                        byNumber[entry.Issue.Number] = entry with { Comments = comments, CommentsFor = entry.Issue.UpdatedAt, CommentsCount = entry.Issue.Comments };
                    }
                });

            if (stale.Count > 0 || !ReferenceEquals(index, _index) || _indexDirty || commentsWatermark != index.CommentsWatermark)
            {
                _index = index with { Issues = [.. byNumber.Values.OrderBy(i => i.Issue.Number)], CommentsWatermark = commentsWatermark };
                _indexFile.Save(_index);
                _indexDirty = false;
            }

            return [.. matches.Select(m => byNumber[m.Issue.Number]).Select(e => SnapshotMapper.ToSnapshot(e.Issue, e.Comments))];
        }
        finally
        {
            _indexGate.Release();
        }
    }

    public async Task<IssueSnapshot?> GetIssueAsync(int number, CancellationToken cancellationToken)
    {
        IssueDto issue;
        try
        {
            issue = await _client.GetIssueAsync(number, cancellationToken);
        }
        catch (GitHubNotFoundException)
        {
            if (await RepositoryExistsAsync(cancellationToken))
            {
                return null;
            }

            throw;
        }

        IndexedIssue? cached = null;
        await _indexGate.WaitAsync(cancellationToken);
        try
        {
            cached = (_index ?? LoadIndex())?.Issues.FirstOrDefault(i => i.Issue.Number == number);
        }
        finally
        {
            _indexGate.Release();
        }

        var comments = issue.Comments == 0 ? []
            : cached is { Comments: { } c } && cached.CommentsFor == issue.UpdatedAt && cached.CommentsCount == issue.Comments ? c
            : await _client.ListCommentsAsync(number, null, cancellationToken);
        return SnapshotMapper.ToSnapshot(issue, comments);
    }

    /// <summary>All comments of one issue, oldest first (one conditional request per 100 comments).</summary>
    public async Task<IReadOnlyList<IssueComment>> ListCommentsAsync(int number, CancellationToken cancellationToken) =>
        [.. (await _client.ListCommentsAsync(number, null, cancellationToken)).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select(SnapshotMapper.ToComment)];

    /// <summary>
    /// Event mode: the payload's issue with its comments, without re-reading the issue. No request at all when the
    /// payload says it has no comments; otherwise one conditional comments read.
    /// </summary>
    public async Task<IssueSnapshot> CompleteAsync(ParsedEvent parsed, CancellationToken cancellationToken) =>
        parsed.CommentCount == 0 ? parsed.Issue : parsed.Issue with { Comments = await ListCommentsAsync(parsed.IssueNumber, cancellationToken) };

    public async Task<IssueSnapshot> CreateIssueAsync(NewIssue issue, CancellationToken cancellationToken)
    {
        var labels = issue.Labels.Where(l => !string.IsNullOrWhiteSpace(l)).Distinct(StringComparer.OrdinalIgnoreCase).Take(100).ToList();
        var created = await _client.CreateIssueAsync(issue.Title, issue.Body, labels, cancellationToken);
        return SnapshotMapper.ToSnapshot(created, []);
    }

    public async Task<IssueComment> AddCommentAsync(int number, string body, CancellationToken cancellationToken) =>
        SnapshotMapper.ToComment(await _client.CreateCommentAsync(number, body, cancellationToken));

    public async Task<IssueComment> UpdateCommentAsync(int number, long commentId, string body, CancellationToken cancellationToken)
    {
        try
        {
            var updated = await _client.UpdateCommentAsync(commentId, body, cancellationToken);
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
            await _client.RemoveLabelAsync(number, label, cancellationToken);
        }

        if (additions.Count > 0)
        {
            await _client.AddLabelsAsync(number, additions, cancellationToken);
        }
    }

    public Task SetStateAsync(int number, IssueState state, CancellationToken cancellationToken) =>
        _client.SetIssueStateAsync(number, state == IssueState.Closed ? "closed" : "open", cancellationToken);

    /// <summary>One lookup per login per store instance (a run); non-collaborators are <see cref="RepositoryPermission.None"/>.</summary>
    public async Task<RepositoryPermission> GetPermissionAsync(string login, CancellationToken cancellationToken)
    {
        if (_permissions.TryGetValue(login, out var known))
        {
            return known;
        }

        var permission = SnapshotMapper.ToPermission(await _client.GetPermissionAsync(login, cancellationToken));
        _permissions[login] = permission;
        return permission;
    }

    public Task AddReactionAsync(int number, long commentId, string reaction, CancellationToken cancellationToken)
    {
        if (!Reactions.Contains(reaction))
        {
            throw new GitHubValidationException($"'{reaction}' is not a GitHub reaction (use one of {string.Join(", ", Reactions)}).", System.Net.HttpStatusCode.UnprocessableEntity);
        }

        return _client.AddReactionAsync(commentId, reaction, cancellationToken);
    }

    public async Task<IReadOnlyList<LabelDefinition>> ListLabelsAsync(CancellationToken cancellationToken)
    {
        var labels = await _client.ListRepoLabelsAsync(cancellationToken);
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
                await _client.UpdateRepoLabelAsync(label, cancellationToken);
                return;
            }
            catch (GitHubNotFoundException)
            {
                // Deleted meanwhile: create it below.
            }

            await _client.CreateRepoLabelAsync(label, cancellationToken);
            return;
        }

        try
        {
            await _client.CreateRepoLabelAsync(label, cancellationToken);
        }
        catch (GitHubValidationException)
        {
            // 422 already_exists: it was there after all.
            await _client.UpdateRepoLabelAsync(label, cancellationToken);
        }

        _knownLabels[label.Name] = 0;
    }

    public void Dispose()
    {
        if (_indexDirty && _index is not null)
        {
            _indexFile.Save(_index);
        }

        Connection.Dispose();
        _indexGate.Dispose();
        _identityGate.Dispose();
    }

    private static bool Matches(IssueDto issue, IssueQuery query)
    {
        var closed = string.Equals(issue.State, "closed", StringComparison.OrdinalIgnoreCase);
        var stateOk = query.State switch
        {
            IssueStateFilter.Open => !closed,
            IssueStateFilter.Closed => closed,
            _ => true,
        };
        return stateOk
            && (query.Since is null || issue.UpdatedAt >= query.Since)
            && (query.Labels is null || query.Labels.All(l => (issue.Labels ?? []).Any(x => string.Equals(x.Name, l, StringComparison.OrdinalIgnoreCase))));
    }

    private async Task<bool> RepositoryExistsAsync(CancellationToken cancellationToken)
    {
        // A 404 on an issue is "no such issue" only if the repository itself answers; otherwise the 404 is the real error.
        try
        {
            await _client.ListRepoLabelsAsync(cancellationToken);
            return true;
        }
        catch (GitHubNotFoundException)
        {
            return false;
        }
    }
}
