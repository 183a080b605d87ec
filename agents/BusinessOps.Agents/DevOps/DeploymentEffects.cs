using System.Text.Json.Nodes;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.DevOps;

/// <summary>
/// What approval releases for a deployment: a GitHub deployment for the environment (in progress), the deploy itself
/// through the <c>deploy</c> webhook endpoint or command (the plan and its rollback steps as data), then the deployment's
/// success status. A rollback is the same three effects for the previous version with the event <c>deployment.rollback</c>.
/// The runner stops at the first failed effect, so a failed deploy never reports success; the failure is recorded on the
/// issue, and filing the rollback (Action: rollback) proposes the rollback effects.
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
        return [deployment, run, done];
    }

    private static JsonObject Event(DeploymentRequest r, JsonObject data) => new()
    {
        ["event"] = r.IsRollback ? "deployment.rollback" : "deployment.requested",
        ["data"] = data,
    };

    private static JsonArray Strings(IReadOnlyList<string> items) => new([.. items.Select(i => (JsonNode)i)]);

    private static string Bound(string text) => text.Length <= 140 ? text : text[..139] + "…";
}
