using BusinessOps.GitHub.Auth;
using BusinessOps.GitHub.Errors;
using Octokit;

namespace BusinessOps.GitHub.Api;

/// <summary>
/// Branches, commits and pull requests, for the <c>github.pull-request</c> effect: Git's data API (one tree with the
/// files inline, one commit, one ref), so a branch appears with all its files at once or not at all.
/// </summary>
internal sealed partial class GitHubApi
{
    private GitHubClient Git => ClientFor(TokenPermissions.PullRequestEffects);

    public Task<Repository> GetRepositoryAsync(CancellationToken cancellationToken) =>
        RunAsync(() => Git.Repository.Get(_options.Owner, _options.Repository), "GET /repos/" + Repository, cancellationToken);

    /// <summary>
    /// The branch's ref, or null when there is no such branch. Ours: Octokit's <c>Reference.Get</c> asks
    /// <c>git/refs/{ref}</c>, which lists every ref starting with the name when none matches exactly; <c>git/ref/{ref}</c>
    /// answers one ref or 404.
    /// </summary>
    public async Task<Reference?> GetBranchAsync(string branch, CancellationToken cancellationToken)
    {
        var uri = RepoPath("git/ref/heads/" + EscapePath(branch));
        try
        {
            return await RunAsync(() => new ApiConnection(Git.Connection).Get<Reference>(uri), "GET /" + uri, cancellationToken);
        }
        catch (GitHubNotFoundException)
        {
            return null;
        }
    }

    public Task<Commit> GetCommitAsync(string sha, CancellationToken cancellationToken) =>
        RunAsync(() => Git.Git.Commit.Get(_options.Owner, _options.Repository, sha), "GET /repos/" + Repository + "/git/commits/" + sha, cancellationToken);

    /// <summary>A tree of <paramref name="files"/> on top of <paramref name="baseTree"/>, the files' text inline (see <see cref="TreeWithContent"/>).</summary>
    public Task<TreeResponse> CreateTreeAsync(string baseTree, IReadOnlyList<TreeFile> files, CancellationToken cancellationToken) =>
        RunAsync(() => new ApiConnection(Git.Connection).Post<TreeResponse>(RepoPath("git/trees"), new TreeWithContent(baseTree, files)), "POST /repos/" + Repository + "/git/trees", cancellationToken);

    public Task<Commit> CreateCommitAsync(string message, string tree, string parent, CancellationToken cancellationToken) =>
        RunAsync(() => Git.Git.Commit.Create(_options.Owner, _options.Repository, new NewCommit(message, tree, parent)), "POST /repos/" + Repository + "/git/commits", cancellationToken);

    public Task<Reference> CreateBranchAsync(string branch, string sha, CancellationToken cancellationToken) =>
        RunAsync(() => Git.Git.Reference.Create(_options.Owner, _options.Repository, new NewReference("refs/heads/" + branch, sha)), "POST /repos/" + Repository + "/git/refs", cancellationToken);

    /// <summary>Pull requests (open or closed) from <paramref name="branch"/> of this repository, newest first (one page).</summary>
    public Task<IReadOnlyList<PullRequest>> ListPullRequestsFromAsync(string branch, CancellationToken cancellationToken) =>
        RunAsync(
            () => Git.PullRequest.GetAllForRepository(_options.Owner, _options.Repository, new PullRequestRequest { Head = _options.Owner + ":" + branch, State = ItemStateFilter.All }, new ApiOptions { PageSize = 100, PageCount = 1 }),
            "GET /repos/" + Repository + "/pulls",
            cancellationToken);

    public Task<PullRequest> CreateDraftPullRequestAsync(string title, string branch, string baseBranch, string body, CancellationToken cancellationToken) =>
        RunAsync(() => Git.PullRequest.Create(_options.Owner, _options.Repository, new NewPullRequest(title, branch, baseBranch) { Body = CommentBodies.Bound(body), Draft = true }), "POST /repos/" + Repository + "/pulls", cancellationToken);

    /// <summary>One pull request, read with the commit-status token (pull requests: read) to find its head.</summary>
    public Task<PullRequest> GetPullRequestAsync(int number, CancellationToken cancellationToken) =>
        RunAsync(() => ClientFor(TokenPermissions.CommitStatusEffects).PullRequest.Get(_options.Owner, _options.Repository, number), "GET /repos/" + Repository + "/pulls/" + number.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);

    private static string EscapePath(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    private Uri RepoPath(string rest) => new("repos/" + Uri.EscapeDataString(_options.Owner) + "/" + Uri.EscapeDataString(_options.Repository) + "/" + rest, UriKind.Relative);
}
