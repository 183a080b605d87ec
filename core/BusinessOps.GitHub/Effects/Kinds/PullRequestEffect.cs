using System.Globalization;
using BusinessOps.Core.Effects;
using BusinessOps.GitHub.Api;
using BusinessOps.GitHub.Effects.Parameters;
using BusinessOps.GitHub.Errors;
using Octokit;

namespace BusinessOps.GitHub.Effects.Kinds;

/// <summary>
/// <c>github.pull-request</c>: a branch with the files, made with Git's data API (one tree with the files inline, one
/// commit on the base branch's head whose message carries the effect's key as a trailer, one ref), then a draft pull
/// request whose description carries the key's marker. The perform looks before it writes: a branch of that name whose
/// commit carries our key is an earlier try's and is reused; any other branch of that name is a clear failure.
/// </summary>
internal sealed class PullRequestEffect(GitHubEffectContext context) : IGitHubEffect
{
    public bool Repeatable => true;

    public async Task<EffectOutcome> PerformAsync(EffectRequest request, EffectSteps steps, CancellationToken cancellationToken)
    {
        var pull = Read(request);
        var key = request.KeyText;
        var existing = await context.Api.GetBranchAsync(pull.Branch, cancellationToken);
        if (existing is not null)
        {
            if (await FindAsync(pull.Branch, key, cancellationToken) is { } opened)
            {
                return EffectOutcome.Done(opened.HtmlUrl);
            }

            if (!await IsOursAsync(existing, key, cancellationToken))
            {
                return NotOurs(pull.Branch);
            }
        }

        var baseBranch = pull.Parameters.Base ?? (await context.Api.GetRepositoryAsync(cancellationToken)).DefaultBranch;
        if (existing is null)
        {
            var baseRef = await context.Api.GetBranchAsync(baseBranch, cancellationToken);
            if (baseRef is null)
            {
                return EffectOutcome.Failed($"the base branch '{Core.Governance.MarkdownSafe.Inline(baseBranch, 100)}' does not exist in {context.Repository}; nothing was changed", permanent: true);
            }

            var baseCommit = await context.Api.GetCommitAsync(baseRef.Object.Sha, cancellationToken);
            var tree = await steps.WriteAsync("create the tree", () => context.Api.CreateTreeAsync(baseCommit.Tree.Sha, pull.Files, cancellationToken), t => "tree " + Short(t.Sha));
            var message = pull.Title + "\n\n" + BranchNames.Trailer(key);
            var commit = await steps.WriteAsync("create the commit", () => context.Api.CreateCommitAsync(message, tree.Sha, baseRef.Object.Sha, cancellationToken), c => "commit " + Short(c.Sha));
            try
            {
                await steps.WriteAsync($"create branch {pull.Branch}", () => context.Api.CreateBranchAsync(pull.Branch, commit.Sha, cancellationToken), _ => $"created branch {pull.Branch}");
            }
            catch (GitHubValidationException)
            {
                // 422 "Reference already exists": made meanwhile, by an earlier try whose answer was lost or by someone else.
                var now = await context.Api.GetBranchAsync(pull.Branch, cancellationToken);
                if (now is null)
                {
                    throw;
                }

                if (!await IsOursAsync(now, key, cancellationToken))
                {
                    return NotOurs(pull.Branch);
                }
            }
        }

        var body = EffectMarker.Append((pull.Parameters.Body ?? string.Empty).TrimEnd() + string.Create(CultureInfo.InvariantCulture, $"\n\nRefs #{pull.Issue}"), key);
        var created = await steps.WriteAsync("open the draft pull request", () => context.Api.CreateDraftPullRequestAsync(pull.Title, pull.Branch, baseBranch, body, cancellationToken), p => "opened " + p.HtmlUrl);
        return EffectOutcome.Done(created.HtmlUrl);
    }

    public async Task<EffectCheck> CheckAsync(EffectRequest request, CancellationToken cancellationToken)
    {
        var pull = Read(request);
        return await FindAsync(pull.Branch, request.KeyText, cancellationToken) is { } opened
            ? EffectCheck.Performed(opened.HtmlUrl)
            : EffectCheck.NotPerformed;
    }

    /// <summary>Our pull request from <paramref name="branch"/> carrying the key's marker (open or closed), or null.</summary>
    private async Task<PullRequest?> FindAsync(string branch, string key, CancellationToken cancellationToken)
    {
        var identity = await context.IdentityAsync(cancellationToken);
        var pulls = await context.Api.ListPullRequestsFromAsync(branch, cancellationToken);
        return pulls.FirstOrDefault(p => GitHubEffectContext.IsOurs(p.User, p.Body, identity, key));
    }

    private async Task<bool> IsOursAsync(Reference branch, string key, CancellationToken cancellationToken) =>
        BranchNames.HasTrailer((await context.Api.GetCommitAsync(branch.Object.Sha, cancellationToken)).Message, key);

    private EffectOutcome NotOurs(string branch) => EffectOutcome.Failed(
        $"branch {Core.Governance.MarkdownSafe.Inline(branch, 100)} already exists in {context.Repository} and was not created by BusinessOps for this effect; name another branch in the plan, or delete that branch, then retry",
        permanent: true);

    private static string Short(string sha) => sha.Length > 7 ? sha[..7] : sha;

    private static PullRequestPlan Read(EffectRequest request)
    {
        var parameters = EffectArguments.Read(request, GitHubEffectJson.Default.PullRequestParameters);
        var title = EffectArguments.Required(request, parameters.Title, "title");
        var branch = parameters.Branch ?? BranchNames.ForKey(request.Key);
        if (BranchNames.Problem(branch) is { } problem)
        {
            throw new EffectParameterException($"{request.Effect.Kind}: 'parameters.branch' is not a valid branch name: {problem}");
        }

        var files = new List<TreeFile>();
        foreach (var file in parameters.Files ?? [])
        {
            var path = EffectArguments.Required(request, file.Path, "files[].path");
            if (files.Any(f => string.Equals(f.Path, path, StringComparison.Ordinal)))
            {
                throw new EffectParameterException($"{request.Effect.Kind}: 'parameters.files' lists {Core.Governance.MarkdownSafe.Inline(path, 100)} twice");
            }

            files.Add(new TreeFile(path, file.Content ?? string.Empty));
        }

        if (files.Count == 0)
        {
            throw new EffectParameterException($"{request.Effect.Kind}: 'parameters.files' must list at least one file");
        }

        return new PullRequestPlan(EffectArguments.Issue(request), branch, title, files, parameters);
    }

    private sealed record PullRequestPlan(int Issue, string Branch, string Title, IReadOnlyList<TreeFile> Files, PullRequestParameters Parameters);
}
