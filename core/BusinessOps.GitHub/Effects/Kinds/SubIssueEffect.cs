using System.Collections.Concurrent;
using System.Globalization;
using BusinessOps.Core.Effects;
using BusinessOps.GitHub.Effects.Parameters;
using BusinessOps.GitHub.Errors;
using Octokit;

namespace BusinessOps.GitHub.Effects.Kinds;

/// <summary>
/// <c>github.issue</c>: opens an issue whose description carries the effect's marker, then makes it a sub-issue of the
/// target (GitHub's sub-issues API takes the child's id, not its number). Where sub-issues are not available (an
/// Enterprise Server without them, a parent at GitHub's limit) or <c>subIssue: false</c>, the target gets a comment with
/// a task list linking the new issue instead. The check looks in the target's sub-issues, then among the issues our
/// identity opened recently; an issue found there but not yet linked is linked by the perform that follows.
/// </summary>
internal sealed class SubIssueEffect(GitHubEffectContext context) : IGitHubEffect
{
    /// <summary>Pages of 100 issues opened by our identity searched for an unlinked one after a crash.</summary>
    private const int OpenedPages = 5;

    // Issues a check found opened but not linked, by key: the perform right after it links them instead of opening more.
    private readonly ConcurrentDictionary<string, Issue> _unlinked = new(StringComparer.Ordinal);

    public bool Repeatable => false;

    public async Task<EffectOutcome> PerformAsync(EffectRequest request, EffectSteps steps, CancellationToken cancellationToken)
    {
        var (parent, parameters) = Read(request);
        if (!_unlinked.TryRemove(request.KeyText, out var issue))
        {
            // The parent first (one read): a missing parent must fail before an issue is opened that nothing would link.
            await context.Api.GetIssueAsync(parent, cancellationToken);
            var title = EffectArguments.Required(request, parameters.Title, "title");
            issue = await steps.WriteAsync("open the issue", () => context.Api.CreateIssueAsync(title, Body(parameters, request.KeyText), parameters.Labels ?? [], cancellationToken), i => $"opened #{i.Number}");
        }

        if (parameters.SubIssue != false)
        {
            try
            {
                await steps.WriteAsync($"make #{issue.Number} a sub-issue of #{parent}", () => context.Api.AddSubIssueAsync(parent, issue.Id, cancellationToken), _ => $"#{issue.Number} is a sub-issue of #{parent}");
                return EffectOutcome.Done(issue.HtmlUrl);
            }
            catch (Exception ex) when (ex is GitHubNotFoundException or GitHubValidationException)
            {
                // No sub-issues here (404), or GitHub refused this link (422): link it in a task list below instead.
            }
        }

        await steps.WriteAsync($"link #{issue.Number} in a task list on #{parent}", () => context.Api.CreateCommentAsync(parent, TaskList(issue.Number, request.KeyText), cancellationToken), c => "linked in " + c.HtmlUrl);
        return EffectOutcome.Done(issue.HtmlUrl);
    }

    public async Task<EffectCheck> CheckAsync(EffectRequest request, CancellationToken cancellationToken)
    {
        var (parent, parameters) = Read(request);
        var identity = await context.IdentityAsync(cancellationToken);
        if (parameters.SubIssue != false)
        {
            IReadOnlyList<Issue> children;
            try
            {
                children = await context.Api.ListSubIssuesAsync(parent, cancellationToken);
            }
            catch (GitHubNotFoundException)
            {
                children = [];
            }

            if (children.FirstOrDefault(i => GitHubEffectContext.IsOurs(i.User, i.Body, identity, request.KeyText)) is { } child)
            {
                return EffectCheck.Performed(child.HtmlUrl);
            }
        }

        var (opened, complete) = await context.Api.ListIssuesOpenedByAsync(identity, OpenedPages, cancellationToken);
        var issue = opened.FirstOrDefault(i => i.PullRequest is null && GitHubEffectContext.IsOurs(i.User, i.Body, identity, request.KeyText));
        if (issue is null)
        {
            return complete
                ? EffectCheck.NotPerformed
                : EffectCheck.CannotTell(string.Create(CultureInfo.InvariantCulture, $"{identity} opened more than {OpenedPages * 100} issues since; search the issues for the marker of {request.KeyText}"));
        }

        if (await context.FindCommentAsync(parent, request.KeyText, cancellationToken) is not null)
        {
            return EffectCheck.Performed(issue.HtmlUrl);
        }

        _unlinked[request.KeyText] = issue;
        return EffectCheck.NotPerformed;
    }

    private static string Body(IssueParameters parameters, string key)
    {
        var body = parameters.Body ?? string.Empty;
        if (parameters.Estimate is { } estimate)
        {
            body = body.TrimEnd() + "\n\n**Estimate:** " + Core.Governance.MarkdownSafe.Inline(estimate, 20);
        }

        return EffectMarker.Append(body, key);
    }

    // GitHub renders "#57" in a task list with the issue's title and state, so no untrusted text is repeated here.
    private static string TaskList(int number, string key) =>
        EffectMarker.Append(string.Create(CultureInfo.InvariantCulture, $"Opened by BusinessOps:\n\n- [ ] #{number}"), key);

    private static (int Parent, IssueParameters Parameters) Read(EffectRequest request) =>
        (EffectArguments.Issue(request), EffectArguments.Read(request, GitHubEffectJson.Default.IssueParameters));
}
