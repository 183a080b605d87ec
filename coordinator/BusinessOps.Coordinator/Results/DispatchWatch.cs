using System.Collections.Concurrent;
using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Results;

/// <summary>
/// The session's executor, unchanged, noting the keys it handed to Lambda in this run: event mode waits for exactly
/// those results so a P0 settles in the job that dispatched it.
/// </summary>
public sealed class DispatchWatch(IExecutor inner) : IExecutor, IDispatchPreparer
{
    private readonly ConcurrentDictionary<string, int> _lambda = new(StringComparer.Ordinal);

    public string Name => inner.Name;

    /// <summary>Keys submitted to Lambda, with their issue numbers.</summary>
    public IReadOnlyDictionary<string, int> LambdaKeys => _lambda;

    /// <summary>Passes the pass's dispatches on to an executor that prepares them (Batch sets); nothing otherwise.</summary>
    public Task PrepareAsync(IReadOnlyList<DispatchRequest> requests, CancellationToken cancellationToken) =>
        inner is IDispatchPreparer preparer ? preparer.PrepareAsync(requests, cancellationToken) : Task.CompletedTask;

    public async Task<DispatchOutcome> DispatchAsync(DispatchRequest request, CancellationToken cancellationToken)
    {
        var outcome = await inner.DispatchAsync(request, cancellationToken);
        if (outcome is { Status: DispatchStatus.Submitted, Executor: Aws.Executors.LambdaExecutor.ExecutorName })
        {
            _lambda[request.Key] = request.Issue.Number;
        }

        return outcome;
    }

    public Task<IReadOnlyList<DispatchReport>> TrackAsync(IReadOnlyList<TrackedDispatch> dispatches, CancellationToken cancellationToken) =>
        inner.TrackAsync(dispatches, cancellationToken);
}
