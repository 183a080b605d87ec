namespace BusinessOps.Coordinator.Execution;

/// <summary>How agents run as child processes.</summary>
/// <param name="Timeout">Per run; past it the agent gets SIGTERM, then <paramref name="Grace"/>, then its process group is killed.</param>
/// <param name="Grace">How long an agent may take to exit after SIGTERM (timeout or cancel) before it is killed.</param>
/// <param name="MaxStdoutBytes">A result larger than this is garbage: the agent is killed and the attempt fails.</param>
/// <param name="MaxStderrChars">How much of stderr is kept (the last part); the rest is read and dropped.</param>
public sealed record LocalExecutorOptions(TimeSpan Timeout, TimeSpan Grace, int MaxStdoutBytes = 1 << 20, int MaxStderrChars = 64 * 1024)
{
    /// <summary>
    /// True: warm workers (one process per agent and client, fed through the Lambda Runtime API on loopback); false: one
    /// new process per dispatch (the command-line contract).
    /// </summary>
    public bool Warm { get; init; }

    /// <summary>A warm worker is replaced after this many issues (bounds what a slow leak in an agent can grow to).</summary>
    public int RecycleAfter { get; init; } = 1000;

    /// <summary>At most this many warm workers at once; the least recently used idle one makes room for a new one.</summary>
    public int MaxWorkers { get; init; } = 32;
}
