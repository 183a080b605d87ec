using System.Globalization;
using BusinessOps.Core.Effects;
using BusinessOps.GitHub.Effects.Parameters;
using Octokit;

namespace BusinessOps.GitHub.Effects.Kinds;

/// <summary>
/// <c>github.deployment-status</c>: a status on the deployment an earlier effect of the same plan created
/// (<c>"deployment": "e1"</c>; its id is read from that effect's recorded reference). Setting a state converges, so the
/// check is "is the deployment's latest status this state?".
/// </summary>
internal sealed class DeploymentStatusEffect(GitHubEffectContext context) : IGitHubEffect
{
    private const string Marker = "/deployments/";

    public bool Repeatable => true;

    public async Task<EffectOutcome> PerformAsync(EffectRequest request, EffectSteps steps, CancellationToken cancellationToken)
    {
        var (parameters, id, state) = Read(request);
        var status = new NewDeploymentStatus(state) { Description = parameters.Description, LogUrl = parameters.LogUrl };
        var created = await steps.WriteAsync($"set deployment {id} to {parameters.State}", () => context.Api.CreateDeploymentStatusAsync(id, status, cancellationToken), _ => $"deployment {id} is {parameters.State}");
        return EffectOutcome.Done(created.Url);
    }

    public async Task<EffectCheck> CheckAsync(EffectRequest request, CancellationToken cancellationToken)
    {
        var (_, id, state) = Read(request);
        var statuses = await context.Api.ListDeploymentStatusesAsync(id, cancellationToken);
        var latest = statuses.Count > 0 ? statuses[0] : null;
        return latest is not null && GitHubStates.Same(latest.State, state) ? EffectCheck.Performed(latest.Url) : EffectCheck.NotPerformed;
    }

    /// <summary>The deployment id in a <c>github.deployment</c> reference (its API URL, <c>…/deployments/123</c>).</summary>
    internal static long? DeploymentId(string? reference)
    {
        var at = reference?.LastIndexOf(Marker, StringComparison.Ordinal) ?? -1;
        return at >= 0 && long.TryParse(reference.AsSpan(at + Marker.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
    }

    private static (DeploymentStatusParameters Parameters, long Id, DeploymentState State) Read(EffectRequest request)
    {
        var parameters = EffectArguments.Read(request, GitHubEffectJson.Default.DeploymentStatusParameters);
        var name = EffectArguments.Required(request, parameters.Deployment, "deployment");
        var state = GitHubStates.Deployment(EffectArguments.Required(request, parameters.State, "state"));
        if (name.Length < 2 || name[0] != 'e' || !int.TryParse(name.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index < 1 || index >= request.Key.Index)
        {
            throw new EffectParameterException($"{request.Effect.Kind}: 'parameters.deployment' must name an earlier effect of this plan, like e1; found '{Core.Governance.MarkdownSafe.Inline(name, 20)}'");
        }

        var record = request.Earlier.FirstOrDefault(r => r.Index == index);
        if (record is not { Status: EffectStatus.Done })
        {
            throw new EffectParameterException($"{request.Effect.Kind}: effect {name}, which should have created the deployment, is {(record is null ? "not recorded" : record.Status.ToString().ToLowerInvariant())}; its status cannot be set");
        }

        return DeploymentId(record.Reference) is { } id
            ? (parameters, id, state)
            : throw new EffectParameterException($"{request.Effect.Kind}: effect {name} did not create a deployment (its reference names none)");
    }
}
