using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Hosting;

/// <summary>What one agent run produced: the result document and the process exit code that goes with it.</summary>
/// <param name="Result">The result JSON document of the agent contract.</param>
/// <param name="ExitCode">One of <see cref="Core.ExitCodes"/>.</param>
public sealed record AgentRun(AgentResult Result, int ExitCode);
