using BusinessOps.Aws.Errors;
using BusinessOps.Aws.Lambda;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;

namespace BusinessOps.Aws.Executors;

/// <summary>
/// P0 on AWS Lambda: one asynchronous <c>Invoke</c> per dispatch. Lambda has no lookup by key, so a repeated dispatch
/// of the same key may invoke again; the coordinator records one result per key (exactly-once effect).
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
                Name, $"Issue #{request.Issue.Number} does not fit in a Lambda event ({MaxEventBytes / 1024} KB) with its context even without its comments: shorten its body, or run {request.Agent} for this priority on Batch.", permanent: true);
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

    /// <summary>Lambda runs report through the results queue (the function's destinations); nothing to poll.</summary>
    public Task<IReadOnlyList<DispatchReport>> TrackAsync(IReadOnlyList<TrackedDispatch> dispatches, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DispatchReport>>([]);

    /// <summary>
    /// The largest event we send. Lambda accepts 256 KB, but the destination record that brings the result back holds
    /// the event and the response together and must fit in one SQS message (256 KB): half each.
    /// </summary>
    public const int MaxEventBytes = 128 * 1024;

    /// <summary>The event with the issue and the context inline (oldest comments left out if needed); null when even the bare issue is too big.</summary>
    internal static byte[]? BuildPayload(DispatchRequest request) => LambdaEvent.Build(request, MaxEventBytes);
}
