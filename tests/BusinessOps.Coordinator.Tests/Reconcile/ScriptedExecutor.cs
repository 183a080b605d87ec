using System.Collections.Concurrent;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;

namespace BusinessOps.Coordinator.Tests.Reconcile;

/// <summary>
/// A local-like executor for shell tests: each dispatch is answered by <see cref="Script"/> — a result runs to
/// completion (as a local agent that printed it), null leaves the run in flight (as if the agent had not answered yet).
/// Every request is recorded, so tests can read exactly what each phase was handed.
/// </summary>
internal sealed class ScriptedExecutor(string name = "local") : IExecutor
{
    private readonly ConcurrentQueue<DispatchRequest> _requests = new();

    public string Name => name;

    /// <summary>The agent's answer to a request; null: no result yet (the run stays in flight).</summary>
    public Func<DispatchRequest, AgentResult?> Script { get; set; } = Plans.Routine;

    public IReadOnlyList<DispatchRequest> Requests => [.. _requests];

    public Task<DispatchOutcome> DispatchAsync(DispatchRequest request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request);
        var result = Script(request);
        return Task.FromResult(result is null
            ? new DispatchOutcome(DispatchStatus.Submitted, Name, ExternalId: "run-" + request.Key)
            : new DispatchOutcome(DispatchStatus.Completed, Name, Result: result));
    }

    public Task<IReadOnlyList<DispatchReport>> TrackAsync(IReadOnlyList<TrackedDispatch> dispatches, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DispatchReport>>([]);
}
