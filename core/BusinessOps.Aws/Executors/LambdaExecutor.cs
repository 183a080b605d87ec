using System.Text.Json;
using BusinessOps.Aws.Errors;
using BusinessOps.Aws.Lambda;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;

namespace BusinessOps.Aws.Executors;

/// <summary>
/// P0 on AWS Lambda: one asynchronous <c>Invoke</c> per dispatch. Lambda has no lookup by key, so a repeated dispatch
/// of the same key may invoke again; the agent checks the key and does nothing for a completed one (exactly-once effect).
/// </summary>
public sealed class LambdaExecutor : IExecutor
{
    public const string ExecutorName = "lambda";

    private readonly LambdaClient _client;
    private readonly DispatchPolicy _policy;

    public LambdaExecutor(LambdaClient client, DispatchPolicy policy)
    {
        _client = client;
        _policy = policy;
    }

    public string Name => ExecutorName;

    public async Task<DispatchOutcome> DispatchAsync(DispatchRequest request, CancellationToken cancellationToken)
    {
        var function = _policy.For(request.Priority).Function;
        if (string.IsNullOrWhiteSpace(function))
        {
            return DispatchOutcome.Failure(Name, $"policies/dispatch.yml: {request.Priority} runs on Lambda but names no function; set 'function' for this priority.", permanent: true);
        }

        var payload = BuildPayload(request);
        if (payload is null)
        {
            return DispatchOutcome.Failure(
                Name, $"The Lambda event for {request.Key} exceeds {LambdaClient.MaxEventPayloadBytes / 1024} KB even without the issue; shorten the repository or agent name.", permanent: true);
        }

        try
        {
            var requestId = await _client.InvokeEventAsync(function, payload, cancellationToken);
            return new DispatchOutcome(DispatchStatus.Submitted, Name, ExternalId: requestId);
        }
        catch (AwsException e)
        {
            return DispatchOutcome.Failure(Name, e.Message, e.Permanent);
        }
    }

    /// <summary>Lambda runs are followed through the agent's own write-back; nothing to poll.</summary>
    public Task<IReadOnlyList<DispatchReport>> TrackAsync(IReadOnlyList<TrackedDispatch> dispatches, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DispatchReport>>([]);

    /// <summary>The event with the issue inline when it fits in 256 KB, else with a pointer; null when even that is too big.</summary>
    internal static byte[]? BuildPayload(DispatchRequest request)
    {
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
        };
        var full = JsonSerializer.SerializeToUtf8Bytes(
            head with { IssueData = GitHubIssueShape.Issue(request.Issue), Comments = GitHubIssueShape.Comments(request.Issue) }, AwsJson.Default.LambdaDispatchPayload);
        if (full.Length <= LambdaClient.MaxEventPayloadBytes)
        {
            return full;
        }

        var pointer = JsonSerializer.SerializeToUtf8Bytes(head with { IssueRef = new IssueReference(request.Repository, request.Issue.Number) }, AwsJson.Default.LambdaDispatchPayload);
        return pointer.Length <= LambdaClient.MaxEventPayloadBytes ? pointer : null;
    }
}
