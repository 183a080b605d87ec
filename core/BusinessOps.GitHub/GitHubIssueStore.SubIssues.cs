using System.Collections.Concurrent;
using System.Globalization;
using BusinessOps.Core.Ports;
using BusinessOps.GitHub.Errors;

namespace BusinessOps.GitHub;

/// <summary>
/// Sub-issues (<see cref="ISubIssueLinks"/>): <c>POST /repos/{owner}/{repo}/issues/{parent}/sub_issues</c> with the child's
/// id — not its number — through the store's own client and pacing. The id of an issue this store opened or read is
/// remembered, so linking a child just opened costs the one POST. A 404 or 403 means this GitHub (or this token) has no
/// sub-issues: the rest of the run asks no more and every link is refused at once, with the same reason.
/// </summary>
public sealed partial class GitHubIssueStore : ISubIssueLinks
{
    // Issue number → GitHub's id, for issues this store opened or read: the sub-issues API takes ids.
    private readonly ConcurrentDictionary<int, long> _issueIds = new();

    // Why sub-issues are unavailable to this run (404: no API; 403: no permission); null while they work.
    private volatile string? _subIssuesUnavailable;

    public async Task<SubIssueLinkResult> LinkSubIssueAsync(int parent, int child, CancellationToken cancellationToken)
    {
        if (_subIssuesUnavailable is { } why)
        {
            return SubIssueLinkResult.Refused(why);
        }

        if (!_issueIds.TryGetValue(child, out var id))
        {
            id = (await _api.GetIssueAsync(child, cancellationToken)).Id;
            _issueIds[child] = id;
        }

        try
        {
            await _api.AddSubIssueAsync(parent, id, cancellationToken);
            return SubIssueLinkResult.Linked;
        }
        catch (GitHubNotFoundException)
        {
            _subIssuesUnavailable = string.Create(CultureInfo.InvariantCulture, $"GitHub answered 404 to the sub-issues of #{parent}: this GitHub has no sub-issues API (an Enterprise Server without them?)");
            return SubIssueLinkResult.Refused(_subIssuesUnavailable);
        }
        catch (GitHubUnauthorizedException ex) when (ex.StatusCode == System.Net.HttpStatusCode.Forbidden)
        {
            _subIssuesUnavailable = ex.Message;
            return SubIssueLinkResult.Refused(ex.Message);
        }
        catch (GitHubValidationException ex)
        {
            return SubIssueLinkResult.Refused(ex.Message);
        }
    }
}
