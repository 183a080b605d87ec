using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Operations;

/// <summary>
/// What approval releases for the operations agent: an incident issue (a sub-issue of the checked one) when a check is
/// down, and one signed <c>instance.resize</c> event per rightsizing change to the <c>scaling</c> webhook endpoint.
/// </summary>
internal static class OperationsEffects
{
    /// <summary>The webhook endpoint of <c>connectors.yml</c> the resize events go to.</summary>
    public const string ScalingEndpoint = "scaling";

    /// <summary>The label of the incident issue; an issue carrying it proposes no further incident (no incident of an incident).</summary>
    public const string IncidentLabel = "incident";

    public const int MaxResizes = 20;

    public static Effect? Incident(int issue, IReadOnlyList<EndpointCheck> down, DateTimeOffset checkedAt)
    {
        if (down.Count == 0)
        {
            return null;
        }

        var title = down.Count == 1 ? $"Incident: {Short(down[0].Url)} is down" : string.Create(CultureInfo.InvariantCulture, $"Incident: {down.Count} endpoints are down");
        var body = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Found by the health check on #{issue} at {checkedAt:yyyy-MM-dd HH:mm} UTC.\n\n| Endpoint | Error | Latency |\n|---|---|---:|\n");
        foreach (var d in down.Take(20))
        {
            body.Append(CultureInfo.InvariantCulture, $"| {MarkdownSafe.Cell(d.Url, 200)} | {MarkdownSafe.Cell(d.Error, 200)} | {d.LatencyMs} ms |\n");
        }

        body.Append("\nNext: confirm the outage, post status to customers if they are affected, and record the cause here.");
        var parameters = new JsonObject
        {
            ["title"] = title.Length <= 256 ? title : title[..255] + "…",
            ["body"] = body.ToString(),
            ["labels"] = new JsonArray(IncidentLabel),
            ["subIssue"] = true,
        };
        return Effect.Create(EffectKinds.GitHubIssue, "#" + issue.ToString(CultureInfo.InvariantCulture), parameters);
    }

    public static IReadOnlyList<Effect> Resizes(int issue, IReadOnlyList<Rightsizing> changes) =>
        [.. changes.Where(c => c.Action != "keep").Take(MaxResizes).Select(c => Effect.Create(EffectKinds.WebhookPost, ScalingEndpoint, new JsonObject
        {
            ["event"] = "instance.resize",
            ["data"] = new JsonObject
            {
                ["issue"] = issue,
                ["instance"] = c.Usage.Instance,
                ["type"] = c.Usage.Type,
                ["action"] = c.Action,
                ["capacityFactor"] = c.CapacityFactor,
                ["cpuP95"] = c.Usage.CpuP95,
                ["memoryP95"] = c.Usage.MemoryP95,
                ["monthlyCostUsd"] = c.Usage.MonthlyCost,
                ["estimatedMonthlySavingsUsd"] = c.MonthlySavings,
            },
        }))];

    private static string Short(string url) => url.Length <= 120 ? url : url[..119] + "…";
}
