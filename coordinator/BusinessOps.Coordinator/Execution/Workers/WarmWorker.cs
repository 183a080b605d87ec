namespace BusinessOps.Coordinator.Execution.Workers;

/// <summary>
/// One warm agent process (one agent, one client) running the Lambda Runtime API loop against the coordinator's loopback
/// server, in its own process group (<see cref="AgentProcess"/>). It serves one invocation at a time; its output streams
/// are drained for its whole life (stderr's tail kept to explain a crash).
/// </summary>
internal sealed class WarmWorker : IDisposable
{
    private readonly AgentProcess _process;
    private readonly WorkerMailbox _mailbox;
    private readonly RuntimeApiServer _server;
    private readonly CancellationTokenSource _reading = new();
    private readonly Task<(string Text, long Dropped)> _stderr;
    private readonly Task<(string Text, long Dropped)> _stdout;
    private readonly Task _exited;
    private int _invocations;
    private bool _disposed;

    private WarmWorker(AgentProcess process, WorkerMailbox mailbox, RuntimeApiServer server, string runtimeApi, int maxStderrChars)
    {
        _process = process;
        _mailbox = mailbox;
        _server = server;
        RuntimeApi = runtimeApi;
        process.StandardInput.Close();
        _stdout = StreamDrain.Tail(process.StandardOutput, 4096, _reading.Token);
        _stderr = StreamDrain.Tail(process.StandardError, maxStderrChars, _reading.Token);
        _exited = process.WaitForExitAsync(CancellationToken.None);
    }

    /// <summary>The worker's <c>AWS_LAMBDA_RUNTIME_API</c> (its private path on the loopback server).</summary>
    public string RuntimeApi { get; }

    public int ProcessId => _process.Id;

    /// <summary>Invocations handed to this worker so far.</summary>
    public int Invocations => Volatile.Read(ref _invocations);

    /// <summary>Completes when the process has exited.</summary>
    public Task Exited => _exited;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <paramref name="fileName"/> as a worker: credentials scrubbed, the Runtime API pointing at its mailbox.</summary>
    public static WarmWorker Start(string fileName, IReadOnlyList<string> prefix, string agent, RuntimeApiServer server, int maxStderrChars)
    {
        var mailbox = new WorkerMailbox();
        var runtimeApi = server.Open(mailbox);
        try
        {
            var process = AgentProcess.Start(fileName, prefix, env =>
            {
                AgentEnvironment.Scrub(env);
                env["DOTNET_NOLOGO"] = "1";
                env["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

                // Set after scrubbing (AWS_* is scrubbed): the loop's address, not a credential.
                env["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
                env["AWS_LAMBDA_FUNCTION_NAME"] = agent;
            });
            return new WarmWorker(process, mailbox, server, runtimeApi, maxStderrChars);
        }
        catch
        {
            server.Close(runtimeApi);
            throw;
        }
    }

    /// <summary>Hands <paramref name="invocation"/> to the worker; completes with its answer (never with the process's exit).</summary>
    public Task<RuntimeAnswer> PostAsync(RuntimeEvent invocation)
    {
        Interlocked.Increment(ref _invocations);
        return _mailbox.Post(invocation);
    }

    /// <summary>The last line the worker wrote on stderr (what a crash says), once its streams closed or after a short wait.</summary>
    public async Task<string?> LastErrorLineAsync(TimeProvider clock)
    {
        try
        {
            var (text, _) = await _stderr.WaitAsync(TimeSpan.FromSeconds(1), clock);
            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return lines.Length == 0 ? null : lines[^1];
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>Ends the worker: no more events, SIGTERM to its group, <paramref name="grace"/> to exit, then its group is killed.</summary>
    public async Task StopAsync(TimeSpan grace, TimeProvider clock)
    {
        _server.Close(RuntimeApi);
        await _process.StopAsync(grace, clock);
        await _reading.CancelAsync();
        await Task.WhenAll(_stdout, _stderr);
    }

    /// <summary>Kills the worker's whole group at once (a timeout's or a crash's leftovers included).</summary>
    public void Kill()
    {
        _server.Close(RuntimeApi);
        _process.KillAll();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Kill();
        _reading.Cancel();
        _reading.Dispose();
        _process.Dispose();
    }
}
