using System.Text.Json;
using BusinessOps.Agents.Lambda;
using BusinessOps.Agents.Sdk;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Hosting;

/// <summary>
/// One Lambda invocation of the agent contract. The event is what <c>LambdaExecutor</c> sends: key, issue, phase, agent,
/// the issue itself (<c>issueData</c>) and the coordinator's <c>context</c>. The response is the result JSON — every
/// outcome, failed ones included, so the coordinator (through the function's destination) decides about retries. The
/// function holds no store and no GitHub credential, so an event without the issue cannot be served.
/// </summary>
internal static class LambdaHandler
{
    public static async Task<string> HandleAsync(IReadOnlyList<IAgent> agents, LambdaInvocation invocation, TimeProvider clock, CancellationToken ct)
    {
        using var doc = JsonDocument.Parse(invocation.Payload);
        var root = doc.RootElement;
        var key = Required(root, "key");
        var number = root.TryGetProperty("issue", out var n) && n.TryGetInt32(out var i) ? i : throw new InvalidDataException("event field 'issue' (number) is required");
        var phase = root.TryGetProperty("phase", out var p) ? p.GetString() ?? IdempotencyKey.PlanPhase : IdempotencyKey.PlanPhase;
        var named = root.TryGetProperty("agent", out var a) && a.GetString() is { Length: > 0 } s ? s : null;
        var agent = named is null ? (agents.Count == 1 ? agents[0] : null) : AgentHost.Find(agents, named);
        if (agent is null)
        {
            throw new InvalidDataException($"this function serves {string.Join(", ", agents.Select(x => x.Name))}, not '{named ?? "(no agent named)"}': run the image with the ai-agents command to serve every agent");
        }

        if (!root.TryGetProperty("issueData", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"issue #{number} is not in the event: agents hold no store or GitHub credential, so the coordinator must send the issue (issueData) in the event");
        }

        var (context, contextError) = ReadContext(root);
        if (contextError is not null)
        {
            var bad = ResultFactory.Failed(agent.Name, number, key, contextError, permanent: true);
            return AgentHost.FormatResult(bad);
        }

        var run = await AgentHost.ProcessParsedAsync(agent, () => IssueJsonReader.Parse(data, number, clock.GetUtcNow()), number, key, phase, context, ct);
        return AgentHost.FormatResult(run.Result);
    }

    private static (DispatchContext? Context, string? Error) ReadContext(JsonElement root)
    {
        if (!root.TryGetProperty("context", out var c) || c.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        try
        {
            return (AgentInput.ParseContext(c), null);
        }
        catch (BadInputException ex)
        {
            return (null, ex.Message);
        }
    }

    private static string Required(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.GetString() is { Length: > 0 } s ? s : throw new InvalidDataException($"event field '{name}' is required");
}
