using System.Globalization;
using Octokit;

namespace BusinessOps.GitHub.Api;

/// <summary>Issue requests only the effects use: one comment, an issue's description, closing with a reason, sub-issues.</summary>
internal sealed partial class GitHubApi
{
    public Task<IssueComment> GetCommentAsync(long commentId, CancellationToken cancellationToken) =>
        RunAsync(() => _client.Issue.Comment.Get(_options.Owner, _options.Repository, commentId), "GET /repos/" + Repository + "/issues/comments/" + commentId.ToString(CultureInfo.InvariantCulture), cancellationToken);

    /// <summary>Replaces an issue's description, nothing else (see <see cref="IssueBodyPatch"/>).</summary>
    public Task<Issue> UpdateIssueBodyAsync(int number, string body, CancellationToken cancellationToken) =>
        RunAsync(() => new ApiConnection(_client.Connection).Patch<Issue>(ApiUrls.Issue(_options.Owner, _options.Repository, number), new IssueBodyPatch(body)), IssuePath(number, "PATCH"), cancellationToken);

    /// <summary>Closes an issue with GitHub's <c>state_reason</c> (<c>completed</c> or <c>not_planned</c>).</summary>
    public Task<Issue> CloseIssueAsync(int number, string reason, CancellationToken cancellationToken) =>
        RunAsync(() => new ApiConnection(_client.Connection).Patch<Issue>(ApiUrls.Issue(_options.Owner, _options.Repository, number), new IssueStatePatch("closed", reason)), IssuePath(number, "PATCH"), cancellationToken);

    /// <summary>Makes the issue with id <paramref name="childId"/> a sub-issue of <paramref name="parent"/> (ours: Octokit 14 has no sub-issues client).</summary>
    public Task<Issue> AddSubIssueAsync(int parent, long childId, CancellationToken cancellationToken) =>
        RunAsync(() => new ApiConnection(_client.Connection).Post<Issue>(SubIssues(parent), new SubIssueLink(childId)), IssuePath(parent, "POST") + "/sub_issues", cancellationToken);

    /// <summary>The sub-issues of <paramref name="parent"/> (GitHub allows at most 100, one page).</summary>
    public Task<IReadOnlyList<Issue>> ListSubIssuesAsync(int parent, CancellationToken cancellationToken) =>
        RunAsync(() => new ApiConnection(_client.Connection).GetAll<Issue>(SubIssues(parent), AllPages), IssuePath(parent, "GET") + "/sub_issues", cancellationToken);

    /// <summary>
    /// Issues opened by <paramref name="creator"/>, newest first, one page of 100 at a time, at most
    /// <paramref name="maxPages"/> pages; <c>Complete</c> is false when there were more.
    /// </summary>
    public async Task<(IReadOnlyList<Issue> Issues, bool Complete)> ListIssuesOpenedByAsync(string creator, int maxPages, CancellationToken cancellationToken)
    {
        var issues = new List<Issue>();
        Uri? page = Absolute(ApiUrls.Issues(_options.Owner, _options.Repository), new RepositoryIssueRequest { Creator = creator, State = ItemStateFilter.All, SortProperty = IssueSort.Created, SortDirection = SortDirection.Descending });
        for (var i = 0; i < maxPages && page is not null; i++)
        {
            var listed = await ListIssuesPageAsync(page, cancellationToken);
            issues.AddRange(listed.Items);
            page = listed.Next;
        }

        return (issues, page is null);
    }

    private Uri SubIssues(int parent) => RepoPath(FormattableString.Invariant($"issues/{parent}/sub_issues"));
}
