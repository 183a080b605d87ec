using BusinessOps.GitHub.Auth;
using BusinessOps.GitHub.Errors;
using BusinessOps.GitHub.Http;
using Octokit;

namespace BusinessOps.GitHub.Api;

/// <summary>
/// The GitHub endpoints this product uses, each one Octokit call (through <see cref="OctokitCalls"/>: cancellation to
/// the socket, typed errors). Where Octokit 14 gets a request wrong for us, the request is ours and says why
/// (Octokit still sends it and parses the answer). Nothing else of GitHub's API is reachable from here.
/// </summary>
internal sealed partial class GitHubApi : IDisposable
{
    private static readonly ApiOptions AllPages = new() { PageSize = 100 };
    private readonly GitHubOptions _options;
    private readonly GitHubClient _client;
    private readonly GitHubClient? _appClient;
    private readonly Lazy<GitHubClient> _teamClient;
    private readonly ICredentialStore _credentials;
    private readonly List<IDisposable> _owned = [];
    private readonly TimeProvider _clock;

    // Effects that need more than issues: write get tokens of their own, narrowed to what each kind needs (App auth only).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<TokenPermissions, Lazy<GitHubClient>> _effectClients = new();

    public GitHubApi(GitHubOptions options, TimeProvider clock, HttpMessageHandler? handler = null)
    {
        _options = options;
        _clock = clock;
        Transport = new GitHubTransport(options, clock, handler);
        Repository = options.Owner + "/" + options.Repository;
        if (options.App is { } app)
        {
            _appClient = Transport.CreateClient(new AppJwtCredentials(app, clock, Transport.Masker));
            _credentials = Installation(app, TokenPermissions.Repository, clock);
            _client = Transport.CreateClient(_credentials);

            // Team lookups need organization members: read; that permission lives in a token of its own, asked for only
            // when a team is looked up, so an App without it still runs everything else.
            _teamClient = new Lazy<GitHubClient>(() => Transport.CreateClient(Installation(app, TokenPermissions.TeamMembers, clock)));
        }
        else
        {
            _credentials = new Octokit.Internal.InMemoryCredentialStore(new Credentials(options.Token, AuthenticationType.Bearer));
            _client = Transport.CreateClient(_credentials);
            _teamClient = new Lazy<GitHubClient>(() => _client);
        }
    }

    public GitHubTransport Transport { get; }

    /// <summary><c>OWNER/NAME</c>.</summary>
    public string Repository { get; }

    /// <summary>
    /// The first page of the repository's issues and pull requests, newest-updated first; with <paramref name="since"/>,
    /// only those updated at or after it. Octokit's URL and query names; a fixed URL, so a pass can tell whether the
    /// cached answer can be revalidated (<see cref="CanRevalidateAsync"/>).
    /// </summary>
    public Uri IssuesPage(DateTimeOffset? since) =>
        Absolute(ApiUrls.Issues(_options.Owner, _options.Repository), new RepositoryIssueRequest { State = ItemStateFilter.All, SortProperty = IssueSort.Updated, SortDirection = SortDirection.Descending, Since = since });

    /// <summary>The first page of the repository's issue comments, most recently updated first (with <paramref name="since"/>: from then on).</summary>
    public Uri RepoCommentsPage(DateTimeOffset? since) =>
        Absolute(ApiUrls.IssueComments(_options.Owner, _options.Repository), new IssueCommentRequest { Sort = IssueCommentSort.Updated, Direction = SortDirection.Descending, Since = since });

    /// <summary>
    /// One page of issues; the walk is ours (Octokit's <c>GetAll…</c> reads every page), so a pass can stop at the first
    /// issue its index already holds unchanged, and see that page 1 was a 304.
    /// </summary>
    public Task<ListPage<Issue>> ListIssuesPageAsync(Uri page, CancellationToken cancellationToken) =>
        PageAsync<Issue>(page, "GET /repos/" + Repository + "/issues", cancellationToken);

    public Task<ListPage<IssueComment>> ListRepoCommentsPageAsync(Uri page, CancellationToken cancellationToken) =>
        PageAsync<IssueComment>(page, "GET /repos/" + Repository + "/issues/comments", cancellationToken);

    /// <summary>
    /// True when <paramref name="page"/> is cached under the credential this store sends now, so asking again costs nothing
    /// if it did not change. False on a cold cache and whenever the token changed (each Actions job has a new one).
    /// </summary>
    public Task<bool> CanRevalidateAsync(Uri page, CancellationToken cancellationToken) =>
        RunAsync(
            async () =>
            {
                var credentials = await _credentials.GetCredentials();
                return Transport.Cache.CanRevalidate(page.AbsoluteUri, EtagCache.Fingerprint("Bearer " + credentials.Password));
            },
            "GET /" + page.AbsolutePath,
            cancellationToken);

    public Task<Issue> GetIssueAsync(int number, CancellationToken cancellationToken) =>
        RunAsync(() => _client.Issue.Get(_options.Owner, _options.Repository, number), IssuePath(number, "GET"), cancellationToken);

    public Task<IReadOnlyList<IssueComment>> ListCommentsAsync(int number, CancellationToken cancellationToken) =>
        RunAsync(() => _client.Issue.Comment.GetAllForIssue(_options.Owner, _options.Repository, number, AllPages), IssuePath(number, "GET") + "/comments", cancellationToken);

    public Task<Issue> CreateIssueAsync(string title, string body, IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        var issue = new NewIssue(title) { Body = CommentBodies.Bound(body) };
        foreach (var label in labels)
        {
            issue.Labels.Add(label);
        }

        return RunAsync(() => _client.Issue.Create(_options.Owner, _options.Repository, issue), "POST /repos/" + Repository + "/issues", cancellationToken);
    }

    /// <summary>
    /// Closes or reopens. Ours, not Octokit's <c>Issue.Update</c>: its <c>IssueUpdate</c> always sends
    /// <c>"milestone": null</c>, which would take the issue out of its milestone.
    /// </summary>
    public Task<Issue> SetIssueStateAsync(int number, bool closed, CancellationToken cancellationToken) =>
        RunAsync(() => new ApiConnection(_client.Connection).Patch<Issue>(ApiUrls.Issue(_options.Owner, _options.Repository, number), new IssueStatePatch(closed ? "closed" : "open")), IssuePath(number, "PATCH"), cancellationToken);

    /// <summary>
    /// Posts a comment. A POST is never blindly repeated: when it fails without a clear answer, recent comments are
    /// searched for this exact body (it normally carries a hidden marker) before posting once more.
    /// </summary>
    public async Task<IssueComment> CreateCommentAsync(int number, string body, CancellationToken cancellationToken)
    {
        var bounded = CommentBodies.Bound(body);
        var what = IssuePath(number, "POST") + "/comments";
        try
        {
            return await RunAsync(() => _client.Issue.Comment.Create(_options.Owner, _options.Repository, number, bounded), what, cancellationToken);
        }
        catch (GitHubTransientException)
        {
            var existing = (await ListCommentsAsync(number, cancellationToken)).LastOrDefault(c => string.Equals(c.Body, bounded, StringComparison.Ordinal));
            return existing ?? await RunAsync(() => _client.Issue.Comment.Create(_options.Owner, _options.Repository, number, bounded), what, cancellationToken);
        }
    }

    public Task<IssueComment> UpdateCommentAsync(long commentId, string body, CancellationToken cancellationToken) =>
        RunAsync(() => _client.Issue.Comment.Update(_options.Owner, _options.Repository, commentId, CommentBodies.Bound(body)), "PATCH /repos/" + Repository + "/issues/comments/" + commentId.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);

    /// <summary>
    /// The client for requests needing <paramref name="permissions"/>: with a token, the store's own client (the token
    /// has what it has; GitHub names a missing permission in its 403); with a GitHub App, a client on the same transport
    /// (same pacing, same rate-limit budget) whose installation token is narrowed to exactly these permissions,
    /// requested on first use.
    /// </summary>
    public GitHubClient ClientFor(TokenPermissions permissions) =>
        _options.App is { } app && permissions != TokenPermissions.Repository
            ? _effectClients.GetOrAdd(permissions, p => new Lazy<GitHubClient>(() => Transport.CreateClient(Installation(app, p, _clock)))).Value
            : _client;

    public void Dispose()
    {
        List<IDisposable> owned;
        lock (_owned)
        {
            owned = [.. _owned];
        }

        foreach (var item in owned)
        {
            item.Dispose();
        }

        Transport.Dispose();
    }

    private async Task<ListPage<T>> PageAsync<T>(Uri page, string what, CancellationToken cancellationToken)
    {
        var response = await RunAsync(() => _client.Connection.Get<List<T>>(page, parameters: null), what, cancellationToken);
        var notModified = response.HttpResponse.Headers.Any(h => h.Key.Equals(EtagHandler.RevalidatedHeader, StringComparison.OrdinalIgnoreCase));
        return new ListPage<T>(response.Body ?? [], response.HttpResponse.ApiInfo.GetNextPageUrl(), notModified);
    }

    private Uri Absolute(Uri path, RequestParameters request)
    {
        var parameters = request.ToParametersDictionary();

        // RepositoryIssueRequest inherits the user-issues "filter" (default assigned); the repository endpoint has none.
        parameters.Remove("filter");
        parameters["per_page"] = "100";
        return new Uri(Transport.BaseAddress, path.ApplyParameters(parameters));
    }

    private string IssuePath(int number, string method) => method + " /repos/" + Repository + "/issues/" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private Task<T> RunAsync<T>(Func<Task<T>> call, string what, CancellationToken cancellationToken) =>
        OctokitCalls.RunAsync(call, what, Repository, Transport.Masker, cancellationToken);

    private Task RunAsync(Func<Task> call, string what, CancellationToken cancellationToken) =>
        OctokitCalls.RunAsync(call, what, Repository, Transport.Masker, cancellationToken);

    private InstallationCredentials Installation(GitHubAppCredentials app, TokenPermissions permissions, TimeProvider clock)
    {
        var credentials = new InstallationCredentials(_appClient!, app, _options.Repository, permissions, clock, Transport.Masker);
        lock (_owned)
        {
            _owned.Add(credentials);
        }

        return credentials;
    }
}
