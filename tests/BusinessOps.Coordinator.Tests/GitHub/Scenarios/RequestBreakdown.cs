using System.Globalization;
using BusinessOps.TestKit.GitHub;

namespace BusinessOps.Coordinator.Tests.GitHub.Scenarios;

/// <summary>The fake server's request log of one pass, sorted into the kinds the budgets talk about.</summary>
public sealed record RequestBreakdown(
    int Total,
    int IssueListPages,
    int RepoCommentPages,
    int IssueReads,
    int CommentReads,
    int PermissionReads,
    int OtherReads,
    int Writes)
{
    public int Reads => Total - Writes;

    public static RequestBreakdown Of(IReadOnlyList<FakeRequest> requests)
    {
        int list = 0, repoComments = 0, issue = 0, comments = 0, permission = 0, other = 0, writes = 0;
        foreach (var request in requests)
        {
            if (request.IsWrite)
            {
                writes++;
                continue;
            }

            var path = request.Path.Split('?')[0];
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var rest = segments.Length > 3 && segments[0] == "repos" ? segments[3..] : segments;
            switch (rest)
            {
                case ["issues"]: list++; break;
                case ["issues", "comments"]: repoComments++; break;
                case ["issues", _, "comments"]: comments++; break;
                case ["issues", _]: issue++; break;
                case ["collaborators", _, "permission"]: permission++; break;
                default: other++; break;
            }
        }

        return new RequestBreakdown(requests.Count, list, repoComments, issue, comments, permission, other, writes);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"requests={Total} (list {IssueListPages}, repo-comments {RepoCommentPages}, issue {IssueReads}, comments {CommentReads}, permission {PermissionReads}, other {OtherReads}, writes {Writes})");
}
