namespace BusinessOps.Coordinator.Execution;

/// <summary>How agents run as child processes.</summary>
/// <param name="Timeout">Per run; the whole process tree is killed past it.</param>
/// <param name="StoreArgument">Passed as <c>--store</c> so the agent writes its result back (a SQLite path, or <c>github</c>).</param>
/// <param name="MaxStdoutBytes">A result larger than this is garbage: the agent is killed and the attempt fails.</param>
public sealed record LocalExecutorOptions(TimeSpan Timeout, string? StoreArgument, int MaxStdoutBytes = 1 << 20);
