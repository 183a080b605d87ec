using System.Collections.Frozen;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Results;
using BusinessOps.GitHub.Effects.Kinds;
using BusinessOps.GitHub.Errors;

namespace BusinessOps.GitHub.Effects;

/// <summary>
/// Performs the <c>github.*</c> effects through a <see cref="GitHubIssueStore"/>'s own Octokit client and handlers, so
/// effects share the store's pacing (writes ≥ 1 s apart, ≤ 500 an hour), rate-limit waits, retries and budget. Each
/// effect leaves its key where GitHub can be asked for it — a hidden marker in a comment, issue or pull request, a commit
/// trailer on a branch, a deployment's payload — and <see cref="CheckAsync"/> asks for it, so a rerun after a crash never
/// does an effect twice. Failures come back as outcomes: a missing permission, a rejected request or a missing target is
/// a permanent failure naming what to fix; a lost answer after a write is unknown, never repeated blindly.
/// With a GitHub App, effects beyond issues use installation tokens narrowed to what their kind needs
/// (<c>contents</c> and <c>pull_requests</c> for a pull request, <c>deployments</c>, <c>statuses</c>).
/// </summary>
public sealed class GitHubEffectConnector : IEffectConnector
{
    private readonly FrozenDictionary<string, IGitHubEffect> _kinds;

    /// <summary>A connector on <paramref name="store"/>'s client, pacing and identity (the store stays the caller's to dispose).</summary>
    public GitHubEffectConnector(GitHubIssueStore store)
    {
        var context = new GitHubEffectContext(store);
        _kinds = new Dictionary<string, IGitHubEffect>(StringComparer.Ordinal)
        {
            [EffectKinds.GitHubLabels] = new LabelsEffect(context),
            [EffectKinds.GitHubComment] = new CommentEffect(context),
            [EffectKinds.GitHubIssue] = new SubIssueEffect(context),
            [EffectKinds.GitHubPullRequest] = new PullRequestEffect(context),
            [EffectKinds.GitHubDeployment] = new DeploymentEffect(context),
            [EffectKinds.GitHubDeploymentStatus] = new DeploymentStatusEffect(context),
            [EffectKinds.GitHubCommitStatus] = new CommitStatusEffect(context),
            [EffectKinds.GitHubRedact] = new RedactEffect(context),
            [EffectKinds.GitHubClose] = new CloseEffect(context),
        }.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public string? Unavailable(Effect effect) =>
        _kinds.ContainsKey(effect.Kind) ? null : $"{Core.Governance.MarkdownSafe.Inline(effect.Kind, 60)} is not an effect the GitHub connector performs";

    public async Task<EffectOutcome> PerformAsync(EffectRequest request, CancellationToken cancellationToken)
    {
        if (!_kinds.TryGetValue(request.Effect.Kind, out var kind))
        {
            return EffectOutcome.Failed(Unavailable(request.Effect)!, permanent: true);
        }

        var steps = new EffectSteps();
        try
        {
            return await kind.PerformAsync(request, steps, cancellationToken);
        }
        catch (EffectParameterException ex)
        {
            return EffectOutcome.Failed(ex.Message, permanent: true);
        }
        catch (GitHubException ex)
        {
            return EffectFailures.Outcome(ex, steps, kind.Repeatable);
        }
    }

    public async Task<EffectCheck> CheckAsync(EffectRequest request, CancellationToken cancellationToken)
    {
        if (!_kinds.TryGetValue(request.Effect.Kind, out var kind))
        {
            return EffectCheck.CannotTell(Unavailable(request.Effect));
        }

        try
        {
            return await kind.CheckAsync(request, cancellationToken);
        }
        catch (EffectParameterException)
        {
            // Parameters nothing can be performed with were never performed; the perform that follows says why.
            return EffectCheck.NotPerformed;
        }
        catch (GitHubException ex)
        {
            return EffectCheck.CannotTell("asking GitHub failed: " + ex.Message);
        }
    }
}
