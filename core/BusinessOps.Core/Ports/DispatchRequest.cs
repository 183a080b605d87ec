using BusinessOps.Core.Agents;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;

namespace BusinessOps.Core.Ports;

/// <summary>
/// One agent run to start. <see cref="Key"/> is the idempotency key; <see cref="Tenant"/> the <c>client/*</c> id, if any;
/// <see cref="Context"/> what the agent gets besides the issue (client profile, policies, scoped data) — executors pass it
/// on unchanged (<see cref="DispatchContext.Empty"/> when the caller built none).
/// </summary>
public sealed record DispatchRequest(
    string Key,
    string Agent,
    string Repository,
    IssueSnapshot Issue,
    int Attempt,
    string Phase,
    Priority Priority,
    string? Tenant,
    DispatchContext? Context = null)
{
    /// <summary>The context to hand the agent: <see cref="Context"/>, or the empty one.</summary>
    public DispatchContext AgentContext => Context ?? DispatchContext.Empty;
}
