using BusinessOps.Core.Results;

namespace BusinessOps.Aws.Results;

/// <summary>
/// One message of the results queue, understood: the dispatch it answers (<see cref="Key"/>, <see cref="Issue"/>) and
/// either the agent's <see cref="Result"/> or why the run produced none (<see cref="Failure"/>: a Lambda function error,
/// an event that expired before it ran). <see cref="Source"/> is <c>lambda</c> or <c>batch</c>.
/// </summary>
public sealed record ResultMessage(string Key, int Issue, string Agent, string Source, AgentResult? Result, string? Failure);
