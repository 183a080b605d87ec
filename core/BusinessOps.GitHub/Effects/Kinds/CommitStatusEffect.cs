using BusinessOps.Core.Effects;
using BusinessOps.GitHub.Effects.Parameters;
using Octokit;

namespace BusinessOps.GitHub.Effects.Kinds;

/// <summary>
/// <c>github.commit-status</c>: a status (<c>context</c>, <c>state</c>) on the head commit of the target pull request.
/// GitHub keeps the latest status per context, so setting it converges; the check reads the head's statuses.
/// </summary>
internal sealed class CommitStatusEffect(GitHubEffectContext context) : IGitHubEffect
{
    public bool Repeatable => true;

    public async Task<EffectOutcome> PerformAsync(EffectRequest request, EffectSteps steps, CancellationToken cancellationToken)
    {
        var (parameters, state) = Read(request);
        var number = EffectArguments.Issue(request);
        PullRequest pull;
        try
        {
            pull = await context.Api.GetPullRequestAsync(number, cancellationToken);
        }
        catch (Errors.GitHubNotFoundException)
        {
            return EffectOutcome.Failed($"#{number} is not a pull request of {context.Repository}: a commit status goes on a pull request's head; nothing was changed", permanent: true);
        }

        var status = new NewCommitStatus { State = state, Context = parameters.Context, Description = parameters.Description, TargetUrl = parameters.TargetUrl };
        await steps.WriteAsync($"set {parameters.Context} on {pull.Head.Sha}", () => context.Api.CreateCommitStatusAsync(pull.Head.Sha, status, cancellationToken), _ => $"{parameters.Context} is {parameters.State}");
        return EffectOutcome.Done(pull.HtmlUrl);
    }

    public async Task<EffectCheck> CheckAsync(EffectRequest request, CancellationToken cancellationToken)
    {
        var (parameters, state) = Read(request);
        var pull = await context.Api.GetPullRequestAsync(EffectArguments.Issue(request), cancellationToken);
        var latest = (await context.Api.ListCommitStatusesAsync(pull.Head.Sha, cancellationToken)).FirstOrDefault(s => string.Equals(s.Context, parameters.Context, StringComparison.Ordinal));
        return latest is not null && GitHubStates.Same(latest.State, state) && string.Equals(latest.Description ?? string.Empty, parameters.Description ?? string.Empty, StringComparison.Ordinal)
            ? EffectCheck.Performed(pull.HtmlUrl)
            : EffectCheck.NotPerformed;
    }

    private static (CommitStatusParameters Parameters, CommitState State) Read(EffectRequest request)
    {
        var parameters = EffectArguments.Read(request, GitHubEffectJson.Default.CommitStatusParameters);
        EffectArguments.Required(request, parameters.Context, "context");
        return (parameters, GitHubStates.Commit(EffectArguments.Required(request, parameters.State, "state")));
    }
}
