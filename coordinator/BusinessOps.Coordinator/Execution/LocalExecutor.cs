using System.ComponentModel;
using System.Globalization;
using BusinessOps.Coordinator.Execution.Workers;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Time;

namespace BusinessOps.Coordinator.Execution;

/// <summary>
/// Runs an agent executable as a child process with the agent contract: the issue and its context as one JSON envelope on
/// stdin, one result JSON on stdout, exit code 0/1/2. The agent runs in its own process group; both output streams are
/// drained at once with bounded buffers; on timeout or cancel it gets SIGTERM, a grace period, then its whole group is
/// killed — and after any exit, whatever it left running is killed too. A crashing, hanging or garbage-printing agent is
/// a failed attempt, never a coordinator crash. The agent gets no store and no credential. With
/// <see cref="LocalExecutorOptions.Warm"/> the same agents run as warm workers instead (<see cref="WarmWorkerPool"/>):
/// the Lambda Runtime API loop on loopback, one process per agent and client, the same guarantees.
/// </summary>
public sealed class LocalExecutor(AgentLocator locator, LocalExecutorOptions options, TimeProvider clock, Log log) : IExecutor, IDisposable
{
    private readonly WarmWorkerPool? _workers = options.Warm ? new WarmWorkerPool(locator, options, clock, log) : null;

    // After the agent exits, how long its streams may stay open (held by a leftover we could not kill) before we stop reading.
    private static readonly TimeSpan DrainAfterExit = TimeSpan.FromSeconds(2);

    public string Name => "local";

    public Task<IReadOnlyList<DispatchReport>> TrackAsync(IReadOnlyList<TrackedDispatch> dispatches, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DispatchReport>>([]);

    /// <summary>Warm worker processes started so far (0 without warm workers).</summary>
    public int WorkersStarted => _workers?.Started ?? 0;

    /// <summary>Stops every warm worker (SIGTERM, the grace period, then its process group is killed).</summary>
    public void Dispose() => _workers?.Dispose();

    public async Task<DispatchOutcome> DispatchAsync(DispatchRequest request, CancellationToken cancellationToken)
    {
        if (_workers is not null)
        {
            return await _workers.DispatchAsync(request, cancellationToken);
        }

        if (locator.Resolve(request.Agent) is not { } command)
        {
            return DispatchOutcome.Failure(Name, $"agent executable '{request.Agent}' not found in {string.Join(", ", locator.Directories)}; build it with 'dotnet build' or set BUSINESSOPS_AGENTS_DIR", permanent: true);
        }

        string[] arguments = [.. command.Prefix, "--process-issue", request.Issue.Number.ToString(CultureInfo.InvariantCulture), "--issue-data", "-", "--context", "-", "--key", request.Key, "--phase", request.Phase];
        AgentProcess process;
        try
        {
            process = AgentProcess.Start(command.FileName, arguments, env =>
            {
                AgentEnvironment.Scrub(env);
                env["DOTNET_NOLOGO"] = "1";
                env["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
                env["BUSINESSOPS_KEY"] = request.Key;
            });
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException)
        {
            return DispatchOutcome.Failure(Name, $"could not start {request.Agent}: {ex.Message}", permanent: true);
        }

        using (process)
        {
            return await RunAsync(process, request, cancellationToken);
        }
    }

    private async Task<DispatchOutcome> RunAsync(AgentProcess process, DispatchRequest request, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        using var reading = new CancellationTokenSource();
        var stdoutTask = StreamDrain.Head(process.StandardOutput, options.MaxStdoutBytes, reading.Token);
        var stderrTask = StreamDrain.Tail(process.StandardError, options.MaxStderrChars, reading.Token);
        try
        {
            await WriteInputAsync(process, request, cancellationToken);
            using var timeout = new CancellationTokenSource(options.Timeout, clock);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var exited = process.WaitForExitAsync(linked.Token);
            if (await Task.WhenAny(exited, stdoutTask) == stdoutTask && (await stdoutTask).Overflow)
            {
                process.KillAll();
                await DrainAsync(stderrTask, reading);
                return DispatchOutcome.Failure(Name, $"{request.Agent} printed more than {options.MaxStdoutBytes / 1024} KB on stdout; a result is one JSON document", permanent: false);
            }

            try
            {
                await exited;
            }
            catch (OperationCanceledException)
            {
                await process.StopAsync(options.Grace, clock);
                await DrainAsync(stderrTask, reading); // its pipes close when the last process of the group is gone
                cancellationToken.ThrowIfCancellationRequested();
                return DispatchOutcome.Failure(Name, $"{request.Agent} did not finish within {Durations.Words(options.Timeout)} and was stopped (SIGTERM, then its process group killed after {Durations.Words(options.Grace)})", permanent: false);
            }

            // The agent is done: anything it left running in its group goes too (a leaked grandchild would hold our pipes).
            process.KillAll();
            var (stdout, overflow) = await DrainAsync(stdoutTask, reading);
            if (overflow)
            {
                return DispatchOutcome.Failure(Name, $"{request.Agent} printed more than {options.MaxStdoutBytes / 1024} KB on stdout; a result is one JSON document", permanent: false);
            }

            var (stderr, dropped) = await DrainAsync(stderrTask, reading);
            foreach (var line in stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(50))
            {
                log.Debug($"#{request.Issue.Number} {request.Agent}: {line.TrimEnd()}");
            }

            var elapsed = clock.GetElapsedTime(started);
            log.Debug($"#{request.Issue.Number} {request.Agent} exited {process.ExitCode} after {elapsed.TotalMilliseconds:0} ms{(dropped > 0 ? $" ({dropped} earlier characters of stderr not kept)" : string.Empty)}");
            return AgentExit.Classify(request, process.ExitCode, stdout, stderr);
        }
        finally
        {
            process.KillAll();
            await reading.CancelAsync();
            await Task.WhenAll(stdoutTask, stderrTask);
        }
    }

    private static async Task WriteInputAsync(AgentProcess process, DispatchRequest request, CancellationToken ct)
    {
        try
        {
            await process.StandardInput.WriteAsync(AgentInputEnvelope.Write(request.Issue, request.AgentContext), ct);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The agent exited before reading its input; its exit code and output tell why.
        }
    }

    /// <summary>The drain's result once the streams closed, or what it kept after <see cref="DrainAfterExit"/> if something still holds them.</summary>
    private async Task<T> DrainAsync<T>(Task<T> drain, CancellationTokenSource reading)
    {
        try
        {
            return await drain.WaitAsync(DrainAfterExit, clock);
        }
        catch (TimeoutException)
        {
            await reading.CancelAsync();
            return await drain;
        }
    }

}
