using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;

namespace BusinessOps.Aws.Executors;

/// <summary>Routes each dispatch by priority per <see cref="DispatchPolicy"/> (P0 → Lambda, P1–P3 → Batch by default).</summary>
public sealed class CloudExecutor(LambdaExecutor lambda, BatchExecutor batch, DispatchPolicy policy) : IExecutor, IDispatchPreparer
{
    public const string ExecutorName = "aws";

    public string Name => ExecutorName;

    /// <summary>The pass's Batch dispatches are packed into sets before each is asked for (Lambda ones run alone).</summary>
    public Task PrepareAsync(IReadOnlyList<DispatchRequest> requests, CancellationToken cancellationToken) =>
        batch.PrepareAsync([.. requests.Where(r => policy.For(r.Priority).Executor == ExecutorKind.Batch)], cancellationToken);

    public Task<DispatchOutcome> DispatchAsync(DispatchRequest request, CancellationToken cancellationToken) =>
        policy.For(request.Priority).Executor == ExecutorKind.Lambda
            ? lambda.DispatchAsync(request, cancellationToken)
            : batch.DispatchAsync(request, cancellationToken);

    /// <summary>Batch dispatches are described; Lambda ones report through the agent's write-back.</summary>
    public Task<IReadOnlyList<DispatchReport>> TrackAsync(IReadOnlyList<TrackedDispatch> dispatches, CancellationToken cancellationToken) =>
        batch.TrackAsync(dispatches, cancellationToken);
}
