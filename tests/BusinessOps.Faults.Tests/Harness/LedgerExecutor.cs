using System.Collections.Concurrent;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;

namespace BusinessOps.Faults.Tests.Harness;

/// <summary>
/// An executor that records every dispatch it is handed, from every pass, so a test can count starts per key. With
/// <paramref name="completes"/> (the default for <c>local</c>) each run completes inside the call with <see cref="Answer"/>;
/// otherwise it answers Submitted and the run stays in flight (as a Batch job whose result comes later).
/// </summary>
internal sealed class LedgerExecutor(string name, bool? completes = null) : IExecutor
{
    private readonly ConcurrentQueue<DispatchRequest> _requests = new();

    public string Name => name;

    /// <summary>True when the run completes inside the call (the local executor; a cloud run that answers at once).</summary>
    public bool Synchronous { get; } = completes ?? name == "local";

    public Func<DispatchRequest, AgentResult> Answer { get; set; } = Answers.Routine;

    public IReadOnlyList<DispatchRequest> Requests => [.. _requests];

    /// <summary>Keys handed over more than once (the defect this harness keeps fixed: target none).</summary>
    public IReadOnlyList<string> DuplicateKeys => [.. _requests.GroupBy(r => r.Key).Where(g => g.Count() > 1).Select(g => g.Key)];

    public async Task<DispatchOutcome> DispatchAsync(DispatchRequest request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request);

        // Give a concurrent pass the chance to interleave here, as a real run's latency does.
        await Task.Yield();
        return Synchronous
            ? new DispatchOutcome(DispatchStatus.Completed, Name, Result: Answer(request))
            : new DispatchOutcome(DispatchStatus.Submitted, Name, ExternalId: "job-" + request.Key);
    }

    public Task<IReadOnlyList<DispatchReport>> TrackAsync(IReadOnlyList<TrackedDispatch> dispatches, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DispatchReport>>([]);
}
