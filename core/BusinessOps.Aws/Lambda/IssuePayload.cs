using System.Text.Json.Nodes;
using BusinessOps.Core.Issues;

namespace BusinessOps.Aws.Lambda;

/// <summary>
/// The issue an agent on AWS receives, in GitHub's REST shape with its comments inline (what <c>--issue-data</c> reads).
/// Agents hold no GitHub credential, so the issue travels with the dispatch: when it does not fit, the oldest comments are
/// left out first (the newest carry the plan and the decisions), and null means even the bare issue is too large.
/// </summary>
public static class IssuePayload
{
    public static JsonObject? Fit(IssueSnapshot issue, Func<JsonObject, int> size, int maxSize)
    {
        var comments = GitHubIssueShape.Comments(issue);

        // Leave out 0, 1, 2, 4, … oldest comments, then all: few serializations even for thousands of comments.
        var skips = new List<int> { 0 };
        for (var n = 1; n < comments.Count; n *= 2)
        {
            skips.Add(n);
        }

        skips.Add(comments.Count);
        foreach (var skip in skips.Distinct())
        {
            var shaped = GitHubIssueShape.Issue(issue);
            shaped["comments"] = new JsonArray([.. comments.Skip(skip).Select(c => c!.DeepClone())]);
            if (skip > 0)
            {
                shaped["businessops_omitted_comments"] = skip;
            }

            if (size(shaped) <= maxSize)
            {
                return shaped;
            }
        }

        return null;
    }
}
