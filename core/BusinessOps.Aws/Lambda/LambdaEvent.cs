using System.Text.Json;
using System.Text.Json.Nodes;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Ports;

namespace BusinessOps.Aws.Lambda;

/// <summary>
/// The event an agent's Lambda Runtime API loop receives for one dispatch: the dispatch's identity, the issue with its
/// comments (<c>issueData</c>) and the coordinator's <c>context</c>. One builder for both places that loop runs — the
/// Lambda function (<c>LambdaExecutor</c>) and the coordinator's warm local workers — so they cannot drift apart. Pure.
/// </summary>
public static class LambdaEvent
{
    /// <summary>
    /// The event as UTF-8 JSON within <paramref name="maxBytes"/> (oldest comments left out first), or null when even the
    /// bare issue and the context do not fit.
    /// </summary>
    public static byte[]? Build(DispatchRequest request, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(request);
        var head = new LambdaDispatchPayload
        {
            Key = request.Key,
            Repository = request.Repository,
            Issue = request.Issue.Number,
            Attempt = request.Attempt,
            Phase = request.Phase,
            Agent = request.Agent,
            Priority = request.Priority.ToString(),
            Tenant = request.Tenant,
            Context = ContextNode(request.AgentContext),
        };
        byte[]? payload = null;
        return IssuePayload.Fit(request.Issue, issue => (payload = JsonSerializer.SerializeToUtf8Bytes(head with { IssueData = issue }, AwsJson.Default.LambdaDispatchPayload)).Length, maxBytes) is null
            ? null
            : payload;
    }

    /// <summary>The context in the agents' wire shape (what <c>--context</c> reads), as a node to embed in an event or envelope.</summary>
    public static JsonObject ContextNode(DispatchContext context) =>
        JsonSerializer.SerializeToNode(context, AgentContextJson.Wire.DispatchContext)!.AsObject();
}
