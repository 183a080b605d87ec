namespace BusinessOps.Core.Ports;

/// <summary>
/// Runs an agent for an issue. Local default: a child process; production: AWS Lambda (P0) and AWS Batch (P1–P3).
/// Implementations never throw for agent failures: they return <see cref="DispatchStatus.Failed"/> with a message.
/// </summary>
public interface IExecutor
{
    /// <summary><c>local</c>, <c>lambda</c>, <c>batch</c>, or a composite name.</summary>
    string Name { get; }

    /// <summary>
    /// Starts (cloud) or runs to completion (local) one dispatch. Must be idempotent per
    /// <see cref="DispatchRequest.Key"/>: a second call with the same key must not start a second run.
    /// </summary>
    Task<DispatchOutcome> DispatchAsync(DispatchRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Follows asynchronous dispatches (Batch jobs) recorded in status comments. Returns one report per id it knows;
    /// executors that complete synchronously return an empty list.
    /// </summary>
    Task<IReadOnlyList<DispatchReport>> TrackAsync(IReadOnlyList<TrackedDispatch> dispatches, CancellationToken cancellationToken);
}
