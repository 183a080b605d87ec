using System.Text.Json.Nodes;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.DevOps;

/// <summary>
/// What approval releases for a deployment: a GitHub deployment for the environment (in progress), the deploy itself
/// through the <c>deploy</c> webhook endpoint or command (the plan and its rollback steps as data), then the deployment's
/// success status. A rollback is the same three effects for the previous version with the event <c>deployment.rollback</c>.
/// The runner stops at the first failed effect, so a failed deploy never reports success; then the plan's on-failure
/// effects run (<see cref="Effect.OnFailure"/>): the deployment's <c>failure</c> status and — for a deploy — the automatic
/// rollback through the same connector (<c>deployment.rollback</c>, <c>automatic: true</c>), each once, approved with the plan.
/// </summary>
internal static class DeploymentEffects
{
    /// <summary>The webhook endpoint and command of <c>connectors.yml</c> the deploy goes through.</summary>
    public const string DeployTarget = "deploy";

    public static IReadOnlyList<Effect> For(DeploymentRequest r, DeploymentPlan plan, int issue)
    {
        var what = r.IsRollback ? $"Roll {r.Service} back from {r.Version} to {r.PreviousVersion}" : $"Deploy {r.Service} {r.Version} by {r.Strategy}";
        var deployment = Effect.Create(EffectKinds.GitHubDeployment, r.Environment, new JsonObject
        {
            ["ref"] = r.Ref,
            ["description"] = Bound(what),
            ["state"] = "in_progress",
        });
        var data = new JsonObject
        {
            ["issue"] = issue,
            ["service"] = r.Service,
            ["environment"] = r.Environment,
            ["version"] = r.Target,
            ["ref"] = r.Ref,
            ["strategy"] = r.Strategy,
            ["steps"] = Strings(r.IsRollback ? plan.RollbackSteps : plan.Steps),
        };
        if (r.IsRollback)
        {
            data["fromVersion"] = r.Version;
        }
        else
        {
            data["rollback"] = new JsonObject
            {
                ["version"] = r.PreviousVersion,
                ["triggers"] = Strings(plan.RollbackTriggers),
                ["steps"] = Strings(plan.RollbackSteps),
            };
        }

        var run = r.Via == "command"
            ? Effect.Create(EffectKinds.CommandRun, DeployTarget, new JsonObject { ["input"] = Event(r, data) })
            : Effect.Create(EffectKinds.WebhookPost, DeployTarget, Event(r, data));
        var done = Effect.Create(EffectKinds.GitHubDeploymentStatus, r.Environment, new JsonObject
        {
            ["deployment"] = "e1",
            ["state"] = "success",
            ["description"] = Bound(r.IsRollback ? $"{r.Service} rolled back to {r.PreviousVersion}" : $"{r.Service} {r.Version} deployed"),
        });
        var failed = Effect.Create(
            EffectKinds.GitHubDeploymentStatus,
            r.Environment,
            new JsonObject
            {
                ["deployment"] = "e1",
                ["state"] = "failure",
                ["description"] = Bound(r.IsRollback ? $"Rollback of {r.Service} to {r.PreviousVersion} failed" : $"{r.Service} {r.Version} failed to deploy; rolling back"),
            },
            onFailure: true);
        return r.IsRollback ? [deployment, run, done, failed] : [deployment, run, done, failed, Rollback(r, plan, issue)];
    }

    // The automatic rollback after a failed deploy: the same connector as the deploy, the rollback steps as data.
    private static Effect Rollback(DeploymentRequest r, DeploymentPlan plan, int issue)
    {
        var data = new JsonObject
        {
            ["issue"] = issue,
            ["service"] = r.Service,
            ["environment"] = r.Environment,
            ["fromVersion"] = r.Version,
            ["strategy"] = r.Strategy,
            ["steps"] = Strings(plan.RollbackSteps),
            ["automatic"] = true,
        };
        if (r.PreviousVersion is { } previous)
        {
            data["version"] = previous;
        }

        var body = new JsonObject { ["event"] = "deployment.rollback", ["data"] = data };
        return r.Via == "command"
            ? Effect.Create(EffectKinds.CommandRun, DeployTarget, new JsonObject { ["input"] = body }, onFailure: true)
            : Effect.Create(EffectKinds.WebhookPost, DeployTarget, body, onFailure: true);
    }

    private static JsonObject Event(DeploymentRequest r, JsonObject data) => new()
    {
        ["event"] = r.IsRollback ? "deployment.rollback" : "deployment.requested",
        ["data"] = data,
    };

    private static JsonArray Strings(IReadOnlyList<string> items) => new([.. items.Select(i => (JsonNode)i)]);

    private static string Bound(string text) => text.Length <= 140 ? text : text[..139] + "…";
}
