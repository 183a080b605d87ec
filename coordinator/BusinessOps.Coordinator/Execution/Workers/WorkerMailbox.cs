using System.Collections.Concurrent;
using System.Threading.Channels;

namespace BusinessOps.Coordinator.Execution.Workers;

/// <summary>
/// One worker's side of the loopback Runtime API: the events waiting for its <c>next</c> call and the answers it owes.
/// Each worker has its own mailbox behind its own secret path, so a worker (one agent, one client) can never take
/// another's issue.
/// </summary>
internal sealed class WorkerMailbox
{
    private readonly Channel<RuntimeEvent> _events = Channel.CreateUnbounded<RuntimeEvent>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = true });
    private readonly ConcurrentDictionary<string, TaskCompletionSource<RuntimeAnswer>> _answers = new(StringComparer.Ordinal);

    /// <summary>Queues <paramref name="invocation"/>; the returned task completes when the worker answers it.</summary>
    public Task<RuntimeAnswer> Post(RuntimeEvent invocation)
    {
        var answer = new TaskCompletionSource<RuntimeAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        _answers[invocation.RequestId] = answer;
        if (!_events.Writer.TryWrite(invocation))
        {
            answer.TrySetException(new InvalidOperationException("the worker's mailbox is closed"));
        }

        return answer.Task;
    }

    /// <summary>The next event (the worker's long poll); throws <see cref="ChannelClosedException"/> once the mailbox is closed.</summary>
    public ValueTask<RuntimeEvent> NextAsync(CancellationToken ct) => _events.Reader.ReadAsync(ct);

    /// <summary>Settles the invocation <paramref name="requestId"/>; false for an id this mailbox does not owe (already answered, or never sent).</summary>
    public bool Answer(string requestId, RuntimeAnswer answer) =>
        _answers.TryRemove(requestId, out var pending) && pending.TrySetResult(answer);

    /// <summary>No more events: a waiting <c>next</c> ends, and the worker's loop with it.</summary>
    public void Close() => _events.Writer.TryComplete();
}
