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
    private static readonly ApiOptions FirstPage = new() { PageSize = 100, PageCount = 1 };
    private readonly GitHubOptions _options;
    private readonly GitHubClient _client;
    private readonly GitHubClient? _appClient;
    private readonly Lazy<GitHubClient> _teamClient;
    private readonly List<IDisposable> _owned = [];

    public GitHubApi(GitHubOptions options, TimeProvider clock, HttpMessageHandler? handler = null)
    {
        _options = options;
        Transport = new GitHubTransport(options, clock, handler);
        Repository = options.Owner + "/" + options.Repository;
        if (options.App is { } app)
        {
            _appClient = Transport.CreateClient(new AppJwtCredentials(app, clock, Transport.Masker));
            _client = Transport.CreateClient(Installation(app, TokenPermissions.Repository, clock));

            // Team lookups need organization members: read; that permission lives in a token of its own, asked for only
            // when a team is looked up, so an App without it still runs everything else.
            _teamClient = new Lazy<GitHubClient>(() => Transport.CreateClient(Installation(app, TokenPermissions.TeamMembers, clock)));
        }
        else
        {
            _client = Transport.CreateClient(new Octokit.Internal.InMemoryCredentialStore(new Credentials(options.Token, AuthenticationType.Bearer)));
            _teamClient = new Lazy<GitHubClient>(() => _client);
        }
    }

    public GitHubTransport Transport { get; }

    /// <summary><c>OWNER/NAME</c>.</summary>
    public string Repository { get; }

    /// <summary>
    /// Issues and pull requests, newest-updated first, every page. With <paramref name="since"/>, only those updated at or
    /// after it (GitHub's <c>since</c>): what a pass with a persisted index needs, typically one short page.
    /// </summary>
    public Task<IReadOnlyList<Issue>> ListIssuesAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var request = new RepositoryIssueRequest { State = ItemStateFilter.All, SortProperty = IssueSort.Updated, SortDirection = SortDirection.Descending, Since = since };
        return RunAsync(() => _client.Issue.GetAllForRepository(_options.Owner, _options.Repository, request, AllPages), "GET /repos/" + Repository + "/issues", cancellationToken);
    }

    /// <summary>
    /// The repository's issue comments, most recently updated first: with <paramref name="since"/> every page down to it,
    /// without it the first page only (enough to set a watermark).
    /// </summary>
    public Task<IReadOnlyList<IssueComment>> ListRepoCommentsAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var request = new IssueCommentRequest { Sort = IssueCommentSort.Updated, Direction = SortDirection.Descending, Since = since };
        return RunAsync(() => _client.Issue.Comment.GetAllForRepository(_options.Owner, _options.Repository, request, since is null ? FirstPage : AllPages), "GET /repos/" + Repository + "/issues/comments", cancellationToken);
    }

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
        RunAsync(() => new ApiConnection(_client.Connection).Patch<Issue>(RepoUri("issues/" + number.ToString(System.Globalization.CultureInfo.InvariantCulture)), new IssueStatePatch(closed ? "closed" : "open")), IssuePath(number, "PATCH"), cancellationToken);

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

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        Transport.Dispose();
    }

    /// <summary>A path below the repository, every segment escaped by the caller.</summary>
    private Uri RepoUri(string rest) => new("repos/" + Uri.EscapeDataString(_options.Owner) + "/" + Uri.EscapeDataString(_options.Repository) + "/" + rest, UriKind.Relative);

    private string IssuePath(int number, string method) => method + " /repos/" + Repository + "/issues/" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private Task<T> RunAsync<T>(Func<Task<T>> call, string what, CancellationToken cancellationToken) =>
        OctokitCalls.RunAsync(call, what, Repository, Transport.Masker, cancellationToken);

    private Task RunAsync(Func<Task> call, string what, CancellationToken cancellationToken) =>
        OctokitCalls.RunAsync(call, what, Repository, Transport.Masker, cancellationToken);

    private InstallationCredentials Installation(GitHubAppCredentials app, TokenPermissions permissions, TimeProvider clock)
    {
        var credentials = new InstallationCredentials(_appClient!, app, _options.Repository, permissions, clock, Transport.Masker);
        _owned.Add(credentials);
        return credentials;
    }
}
