using System.Collections.Concurrent;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using BusinessOps.Aws.Lambda;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Time;

namespace BusinessOps.Coordinator.Execution.Workers;

/// <summary>
/// Warm agent workers: one process per agent and per client (isolation), fed issues through the Lambda Runtime API on
/// loopback — the loop the agents run inside Lambda — so a local dispatch costs a loopback round trip instead of a .NET
/// start. A worker is recycled after <see cref="LocalExecutorOptions.RecycleAfter"/> issues and after any failure; on
/// timeout it gets SIGTERM, the grace period, then its process group is killed; a crash fails only the issue in hand.
/// At most <see cref="LocalExecutorOptions.MaxWorkers"/> run at once (the least recently used idle one makes room).
/// </summary>
internal sealed class WarmWorkerPool(AgentLocator locator, LocalExecutorOptions options, TimeProvider clock, Log log) : IDisposable
{
    /// <summary>The largest event: the issue (1 MB) and the context (16 MB), what the agent host accepts on stdin.</summary>
    private const int MaxEventBytes = 17 * 1024 * 1024;

    private const string Executor = "local";

    private readonly ConcurrentDictionary<(string Agent, string Client), WorkerSlot> _slots = new();
    private readonly Lazy<RuntimeApiServer> _server = new(() => RuntimeApiServer.Start(options.MaxStdoutBytes));
    private readonly SemaphoreSlim _starting = new(1, 1);
    private readonly ConcurrentDictionary<Task, byte> _retiring = new();
    private long _sequence;
    private int _started;
    private bool _disposed;

    /// <summary>Worker processes started so far (the first issue of each worker pays a cold start).</summary>
    public int Started => Volatile.Read(ref _started);

    public async Task<DispatchOutcome> DispatchAsync(DispatchRequest request, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (LambdaEvent.Build(request, MaxEventBytes) is not { } payload)
        {
            return DispatchOutcome.Failure(Executor, $"Issue #{request.Issue.Number} and its context exceed {MaxEventBytes / (1024 * 1024)} MB even without its comments: shorten its body.", permanent: true);
        }

        var slot = _slots.GetOrAdd((request.Agent, request.Tenant?.ToLowerInvariant() ?? string.Empty), _ => new WorkerSlot());
        await slot.Gate.WaitAsync(cancellationToken);
        try
        {
            if (slot.Worker is { HasExited: true } gone)
            {
                // Died while idle (killed from outside, or its Runtime API connection broke): the next issue gets a new one.
                Retire(slot, gone, "exited while idle");
            }

            if (slot.Worker is null)
            {
                var problem = await StartAsync(slot, request.Agent, cancellationToken);
                if (problem is not null)
                {
                    return problem;
                }
            }

            slot.LastUsed = clock.GetTimestamp();
            return await RunAsync(slot, slot.Worker!, request, payload, cancellationToken);
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        var stopping = _slots.Values.Where(s => s.Worker is not null).Select(s => s.Worker!.StopAsync(options.Grace, clock)).ToList();
        stopping.AddRange(_retiring.Keys);

        // Workers end their loop on SIGTERM at once; the grace is for one that is still running an issue.
        try
        {
            Task.WaitAll([.. stopping], options.Grace + TimeSpan.FromSeconds(1));
        }
        catch (AggregateException)
        {
            // Stopping is best effort here; each worker's group is killed below either way.
        }

        foreach (var slot in _slots.Values)
        {
            slot.Worker?.Dispose();
            slot.Worker = null;
        }

        if (_server.IsValueCreated)
        {
            _server.Value.Dispose();
        }

        _starting.Dispose();
    }

    private async Task<DispatchOutcome?> StartAsync(WorkerSlot slot, string agent, CancellationToken ct)
    {
        if (locator.Resolve(agent) is not { } command)
        {
            return DispatchOutcome.Failure(Executor, $"agent executable '{agent}' not found in {string.Join(", ", locator.Directories)}; build it with 'dotnet build' or set BUSINESSOPS_AGENTS_DIR", permanent: true);
        }

        await _starting.WaitAsync(ct);
        try
        {
            MakeRoom(slot);
            slot.Worker = WarmWorker.Start(command.FileName, command.Prefix, agent, _server.Value, options.MaxStderrChars);
            Interlocked.Increment(ref _started);
            log.Debug($"{agent}: warm worker started (pid {slot.Worker.ProcessId})");
            return null;
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException)
        {
            return DispatchOutcome.Failure(Executor, $"could not start {agent}: {ex.Message}", permanent: true);
        }
        finally
        {
            _starting.Release();
        }
    }

    /// <summary>At the limit, retires the least recently used idle worker (one whose gate is free) to make room.</summary>
    private void MakeRoom(WorkerSlot starting)
    {
        var running = _slots.Values.Where(s => s != starting && s.Worker is not null).OrderBy(s => s.LastUsed).ToList();
        for (var i = 0; running.Count - i >= options.MaxWorkers && i < running.Count; i++)
        {
            var idle = running[i];
            if (idle.Gate.Wait(0))
            {
                try
                {
                    if (idle.Worker is { } worker)
                    {
                        Retire(idle, worker, $"evicted: at most {options.MaxWorkers} workers");
                    }
                }
                finally
                {
                    idle.Gate.Release();
                }
            }
        }
    }

    private async Task<DispatchOutcome> RunAsync(WorkerSlot slot, WarmWorker worker, DispatchRequest request, byte[] payload, CancellationToken cancellationToken)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{Interlocked.Increment(ref _sequence)}-{request.Issue.Number}");
        var answer = worker.PostAsync(new RuntimeEvent(id, payload, clock.GetUtcNow() + options.Timeout));
        using var timeout = new CancellationTokenSource(options.Timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await Task.WhenAny(answer, worker.Exited).WaitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            slot.Worker = null;
            await worker.StopAsync(options.Grace, clock);
            worker.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
            return DispatchOutcome.Failure(Executor, $"{request.Agent} did not finish within {Durations.Words(options.Timeout)} and was stopped (SIGTERM, then its process group killed after {Durations.Words(options.Grace)})", permanent: false);
        }

        if (!answer.IsCompleted)
        {
            // The process ended before answering: this issue fails (retried), the next one gets a new worker.
            slot.Worker = null;
            var last = await worker.LastErrorLineAsync(clock);
            var code = worker.ExitCode;
            worker.Dispose();
            return DispatchOutcome.Failure(Executor, $"{request.Agent} crashed with exit code {code} while running #{request.Issue.Number}: {last ?? "no output"}", permanent: false);
        }

        var outcome = Classify(request, await answer);
        if (outcome.Status == DispatchStatus.Failed && !outcome.Permanent)
        {
            Retire(slot, worker, "recycled after a failure");
        }
        else if (worker.Invocations >= options.RecycleAfter)
        {
            Retire(slot, worker, $"recycled after {worker.Invocations} issues");
        }

        return outcome;
    }

    private static DispatchOutcome Classify(DispatchRequest request, RuntimeAnswer answer)
    {
        if (!answer.IsError)
        {
            return AgentExit.ClassifyResponse(request, answer.Body);
        }

        var message = answer.Body;
        try
        {
            using var doc = JsonDocument.Parse(answer.Body);
            message = doc.RootElement.TryGetProperty("errorMessage", out var m) ? m.GetString() ?? message : message;
        }
        catch (JsonException)
        {
            // Not the error document: the body as it came.
        }

        var shown = Core.Decisions.Text.Inline(message.Length > 300 ? message[..300] : message);
        return DispatchOutcome.Failure(Executor, $"{request.Agent} reported an error ({answer.ErrorType ?? "Unhandled"}): {shown}", permanent: false);
    }

    /// <summary>Takes <paramref name="worker"/> out of <paramref name="slot"/> and stops it in the background (SIGTERM ends its loop).</summary>
    private void Retire(WorkerSlot slot, WarmWorker worker, string why)
    {
        slot.Worker = null;
        log.Debug($"warm worker pid {worker.ProcessId} {why}");
        var stopping = StopAndDisposeAsync(worker);
        _retiring[stopping] = 0;
        _ = stopping.ContinueWith(t => _retiring.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task StopAndDisposeAsync(WarmWorker worker)
    {
        try
        {
            await worker.StopAsync(options.Grace, clock);
        }
        finally
        {
            worker.Dispose();
        }
    }
}
