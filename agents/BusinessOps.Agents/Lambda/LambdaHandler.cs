using System.Text;
using System.Text.Json;
using BusinessOps.Agents.Hosting;
using BusinessOps.Core;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Lambda;

/// <summary>
/// One Lambda invocation of the agent contract. The event is what <c>LambdaExecutor</c> sends (key, issue, phase, agent,
/// and the issue itself when it fit under 256 KB). With a GitHub store the issue is read fresh — its comments are what
/// makes a repeated key a no-op — and the result is written back exactly as locally.
/// </summary>
internal static class LambdaHandler
{
    public static async Task<string> HandleAsync(string defaultAgent, LambdaInvocation invocation, IIssueStore? store, CancellationToken ct)
    {
        using var doc = JsonDocument.Parse(invocation.Payload);
        var root = doc.RootElement;
        var key = Required(root, "key");
        var number = root.TryGetProperty("issue", out var n) && n.TryGetInt32(out var i) ? i : throw new InvalidDataException("event field 'issue' (number) is required");
        var phase = root.TryGetProperty("phase", out var p) ? p.GetString() ?? IdempotencyKey.PlanPhase : IdempotencyKey.PlanPhase;
        var agent = root.TryGetProperty("agent", out var a) && a.GetString() is { Length: > 0 } named ? named : defaultAgent;

        AgentRun run;
        if (store is not null && await store.GetIssueAsync(number, ct) is { } issue)
        {
            run = await AgentHost.ProcessAsync(agent, issue, key, phase, store, ct);
        }
        else if (root.TryGetProperty("issueData", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            run = await AgentHost.ProcessIssueJsonAsync(agent, Encoding.UTF8.GetBytes(data.GetRawText()), number, key, phase, store, ct);
        }
        else
        {
            throw new InvalidDataException($"issue #{number} is not in the event and no GitHub store is configured: set GITHUB_TOKEN (or App credentials) and GITHUB_REPOSITORY");
        }

        // A transient failure is a function error, so Lambda's own retry of the asynchronous event applies.
        return run.ExitCode == ExitCodes.Failure
            ? throw new InvalidOperationException("transient failure: " + run.Result.Summary)
            : AgentHost.FormatResult(run.Result);
    }

    private static string Required(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.GetString() is { Length: > 0 } s ? s : throw new InvalidDataException($"event field '{name}' is required");
}
