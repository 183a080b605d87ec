using System.Collections.Concurrent;
using BusinessOps.Core.Effects;
using BusinessOps.GitHub.Api;
using BusinessOps.GitHub.Effects.Parameters;
using Octokit;

namespace BusinessOps.GitHub.Effects.Kinds;

/// <summary>
/// <c>github.deployment</c>: a deployment of <c>ref</c> to the target environment whose payload carries the effect's key
/// (<c>{"businessops_effect": KEY}</c>), then its first status (<c>in_progress</c> unless the plan says otherwise). GitHub
/// is asked not to merge the default branch into the ref (<c>auto_merge: false</c>: a deployment must deploy what was
/// approved) and still checks the ref's commit statuses (a 409 until they pass). The check lists the environment's
/// deployments of that ref and reads the payloads; a deployment found without its status gets only the status.
/// </summary>
internal sealed class DeploymentEffect(GitHubEffectContext context) : IGitHubEffect
{
    /// <summary>Pages of 100 deployments of the ref to the environment searched for ours.</summary>
    private const int ListedPages = 3;

    private readonly ConcurrentDictionary<string, DeploymentListing> _withoutStatus = new(StringComparer.Ordinal);

    public bool Repeatable => false;

    public async Task<EffectOutcome> PerformAsync(EffectRequest request, EffectSteps steps, CancellationToken cancellationToken)
    {
        var (parameters, gitRef, state) = Read(request);
        var environment = request.Effect.Target;
        if (!_withoutStatus.TryRemove(request.KeyText, out var deployment))
        {
            var asked = new NewDeployment(gitRef)
            {
                Environment = environment,
                Description = parameters.Description,
                AutoMerge = false,
                Payload = new Dictionary<string, string> { [GitHubApi.EffectPayloadKey] = request.KeyText },
            };
            var created = await steps.WriteAsync($"create a deployment of {gitRef} to {environment}", () => context.Api.CreateDeploymentAsync(asked, cancellationToken), d => $"created deployment {d.Id}");
            deployment = new DeploymentListing(created.Id, created.Url, request.KeyText);
        }

        var status = new NewDeploymentStatus(state) { Description = parameters.Description, EnvironmentUrl = parameters.EnvironmentUrl };
        await steps.WriteAsync($"set deployment {deployment.Id} to {parameters.State ?? "in_progress"}", () => context.Api.CreateDeploymentStatusAsync(deployment.Id, status, cancellationToken), _ => $"deployment {deployment.Id} is {parameters.State ?? "in_progress"}");
        return EffectOutcome.Done(deployment.Url);
    }

    public async Task<EffectCheck> CheckAsync(EffectRequest request, CancellationToken cancellationToken)
    {
        var (_, gitRef, state) = Read(request);
        var (deployments, complete) = await context.Api.ListDeploymentsAsync(request.Effect.Target, gitRef, ListedPages, cancellationToken);
        var ours = deployments.FirstOrDefault(d => string.Equals(d.EffectKey, request.KeyText, StringComparison.Ordinal));
        if (ours is null)
        {
            return complete
                ? EffectCheck.NotPerformed
                : EffectCheck.CannotTell($"more than {ListedPages * 100} deployments of {gitRef} to {request.Effect.Target}; look for the payload {GitHubApi.EffectPayloadKey} = {request.KeyText}");
        }

        var statuses = await context.Api.ListDeploymentStatusesAsync(ours.Id, cancellationToken);
        if (statuses.Any(s => GitHubStates.Same(s.State, state)))
        {
            return EffectCheck.Performed(ours.Url);
        }

        _withoutStatus[request.KeyText] = ours;
        return EffectCheck.NotPerformed;
    }

    private static (DeploymentParameters Parameters, string Ref, DeploymentState State) Read(EffectRequest request)
    {
        var parameters = EffectArguments.Read(request, GitHubEffectJson.Default.DeploymentParameters);
        return (parameters, EffectArguments.Required(request, parameters.Ref, "ref"), GitHubStates.Deployment(parameters.State ?? "in_progress"));
    }
}
