using BusinessOps.Core.Results;

namespace BusinessOps.Core.Ports;

/// <summary>
/// What an executor did with a dispatch. <see cref="DispatchStatus.Completed"/> carries the agent's result
/// (local runs); <see cref="DispatchStatus.Submitted"/> carries the cloud id to follow;
/// <see cref="DispatchStatus.Failed"/> carries a one-line reason and whether retrying can help.
/// </summary>
public sealed record DispatchOutcome(
    DispatchStatus Status,
    string Executor,
    string? ExternalId = null,
    AgentResult? Result = null,
    string? Error = null,
    bool Permanent = false)
{
    public static DispatchOutcome Failure(string executor, string error, bool permanent) => new(DispatchStatus.Failed, executor, Error: error, Permanent: permanent);
}

/// <summary>Completed (result in hand), submitted (running elsewhere), failed (never ran or crashed).</summary>
public enum DispatchStatus
{
    Completed,
    Submitted,
    Failed,
}
