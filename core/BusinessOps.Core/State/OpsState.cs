namespace BusinessOps.Core.State;

/// <summary>
/// The coordinator's memory of one issue, kept in the status comment's hidden marker
/// (<c>&lt;!-- businessops:state {json} --&gt;</c>). Everything here can be rebuilt from labels and comments.
/// </summary>
public sealed record OpsState
{
    public int V { get; init; } = 1;

    /// <summary>The status label the coordinator last set (the lifecycle position).</summary>
    public string? Status { get; init; }

    /// <summary>Agent the issue is routed to.</summary>
    public string? Agent { get; init; }

    /// <summary>Current attempt number (1-based); a new attempt is a new idempotency key.</summary>
    public int Attempt { get; init; }

    /// <summary>Phase of the current attempt: <c>plan</c> or <c>execute</c>.</summary>
    public string? Phase { get; init; }

    /// <summary>Idempotency key of the dispatch in flight or last finished.</summary>
    public string? Key { get; init; }

    /// <summary>When the current key was dispatched (intent recorded before the executor is called).</summary>
    public DateTimeOffset? DispatchedAt { get; init; }

    /// <summary>Executor that took the dispatch (<c>local</c>, <c>lambda</c>, <c>batch</c>) and its id (job id, request id).</summary>
    public string? Executor { get; init; }

    public string? ExternalId { get; init; }

    /// <summary>Consecutive failed attempts; reset by success and by <c>/retry</c>.</summary>
    public int Failures { get; init; }

    /// <summary>Key whose result was last settled (cost added, failure counted), so nothing is counted twice.</summary>
    public string? SettledKey { get; init; }

    /// <summary>One line on the last result or failure, for the status comment.</summary>
    public string? Summary { get; init; }

    /// <summary>Why the issue needs triage, when it does.</summary>
    public string? Triage { get; init; }

    /// <summary>Hash of title and body at the last dispatch: an edit after bad input allows a fresh attempt.</summary>
    public string? InputHash { get; init; }

    /// <summary>Earliest time the next retry may be dispatched (backoff).</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>When the issue got its priority: the SLA clock's start.</summary>
    public DateTimeOffset? PriorityAt { get; init; }

    /// <summary>Priority the SLA clock runs for.</summary>
    public string? Priority { get; init; }

    /// <summary>Hash of the plan awaiting approval; a new plan voids approvals given for an older one.</summary>
    public string? PlanHash { get; init; }

    /// <summary>When the plan awaiting approval was posted.</summary>
    public DateTimeOffset? PlanAt { get; init; }

    /// <summary>Highest comment id whose slash command was handled: each command acts once.</summary>
    public long LastCommandId { get; init; }

    /// <summary>Autonomy level of the current plan (<c>L1</c>..<c>L3</c>).</summary>
    public string? Level { get; init; }

    /// <summary>Approvals needed and received, one line (re-derived from comments every pass).</summary>
    public string? Approvals { get; init; }

    /// <summary>Backup role that may also approve after a synchronous approval timed out.</summary>
    public string? BackupRole { get; init; }

    /// <summary>A human's terminal choice (<c>cancelled</c>, <c>escalated</c>, <c>rejected</c>, <c>decided</c>) that holds until <c>/retry</c>.</summary>
    public string? Override { get; init; }

    /// <summary>The last decisions, newest last (bounded): who approved, rejected, held, retried, and why.</summary>
    public IReadOnlyList<Governance.AuditEntry>? Audit { get; init; }

    /// <summary>Total cost of this executions, USD.</summary>
    public decimal CostUsd { get; init; }

    /// <summary>When the last execution cost was recorded (for daily spending sums).</summary>
    public DateTimeOffset? CostAt { get; init; }

    /// <summary>Time spent waiting on humans, excluded from the agent's SLA.</summary>
    public long WaitSeconds { get; init; }

    /// <summary>When the current human wait began.</summary>
    public DateTimeOffset? WaitingSince { get; init; }

    /// <summary>True when this state was rebuilt because the marker was missing or invalid.</summary>
    public bool Rebuilt { get; init; }
}
