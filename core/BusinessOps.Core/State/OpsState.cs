using BusinessOps.Core.Effects;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;

namespace BusinessOps.Core.State;

/// <summary>
/// The coordinator's memory of one issue, kept in the status comment's hidden marker
/// (<c>&lt;!-- businessops:state {json} --&gt;</c>), schema version <see cref="CurrentVersion"/>; enums are written in kebab
/// case (<c>in-progress</c>, <c>p1</c>, <c>lambda</c>). A version-1 marker is read through <see cref="OpsStateV1"/> and
/// written back as version 2 the next time the state changes. Everything here can be rebuilt from labels and comments.
/// </summary>
public sealed record OpsState
{
    /// <summary>The schema version this code writes.</summary>
    public const int CurrentVersion = 2;

    public int V { get; init; } = CurrentVersion;

    /// <summary>The lifecycle position (its <c>status/*</c> label); <see cref="IssueStatus.New"/> before the first decision.</summary>
    public IssueStatus Status { get; init; }

    /// <summary>Agent the issue is routed to.</summary>
    public string? Agent { get; init; }

    /// <summary>Current attempt number (1-based); a new attempt is a new idempotency key.</summary>
    public int Attempt { get; init; }

    /// <summary>Phase of the current attempt.</summary>
    public DispatchPhase? Phase { get; init; }

    /// <summary>Idempotency key of the dispatch in flight or last finished.</summary>
    public string? Key { get; init; }

    /// <summary>When the current key was dispatched (intent recorded before the executor is called).</summary>
    public DateTimeOffset? DispatchedAt { get; init; }

    /// <summary>Executor that took the dispatch (<c>local</c>, <c>lambda</c>, <c>batch</c>).</summary>
    public ExecutorKind? Executor { get; init; }

    /// <summary>The executor's id of the run (Batch job id, Lambda request id).</summary>
    public string? ExternalId { get; init; }

    /// <summary>Consecutive failed attempts; reset by success and by <c>/retry</c>.</summary>
    public int Failures { get; init; }

    /// <summary>Key whose result was last settled (cost added, failure counted), so nothing is counted twice.</summary>
    public string? SettledKey { get; init; }

    /// <summary>One line on the last result or failure, for the status comment.</summary>
    public string? Summary { get; init; }

    /// <summary>Why the issue needs triage, when it does.</summary>
    public string? Triage { get; init; }

    /// <summary>
    /// Hash of title and body when the current plan was dispatched: the inputs the plan (and any approval of it) is
    /// about. An edit voids the plan; a fixed bad input earns a fresh attempt.
    /// </summary>
    public string? InputHash { get; init; }

    /// <summary>Earliest time the next retry may be dispatched (backoff).</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>When the issue got its priority: the SLA clock's start.</summary>
    public DateTimeOffset? PriorityAt { get; init; }

    /// <summary>Priority the SLA clock runs for.</summary>
    public Priority? Priority { get; init; }

    /// <summary>Key of the plan result whose gate outcome is recorded in <see cref="Gate"/>: that plan is never gated again.</summary>
    public string? PlanKey { get; init; }

    /// <summary>What the autonomy gate decided for the plan <see cref="PlanKey"/> (recorded once, with its risks).</summary>
    public GateDecision? Gate { get; init; }

    /// <summary>Risk controls the plan tripped when it was gated (spending limits, cost, confidence), for the approval note.</summary>
    public IReadOnlyList<string>? Risks { get; init; }

    /// <summary>Hash of the plan awaiting a human; approvals count only for the plan whose hash the status comment shows.</summary>
    public string? PlanHash { get; init; }

    /// <summary>
    /// Fingerprint (<see cref="EffectListHash"/>) of the effects of the plan <see cref="PlanKey"/>, recorded when it was
    /// gated: the execute phase performs the plan's effects only while they still match it. Null for a plan without effects.
    /// </summary>
    public string? EffectsHash { get; init; }

    /// <summary>
    /// The effect ledger of the plan <see cref="PlanKey"/>: one record per effect reached, written before each effect is
    /// performed and right after (one status-comment edit per write), so a rerun knows what may have happened.
    /// Kept across the execute attempts of one plan; a new plan starts a new ledger.
    /// </summary>
    public IReadOnlyList<EffectRecord>? Effects { get; init; }

    /// <summary>When the plan awaiting a human was posted: only later comments can approve it.</summary>
    public DateTimeOffset? PlanAt { get; init; }

    /// <summary>Highest comment id whose slash command was handled: each command acts once.</summary>
    public long LastCommandId { get; init; }

    /// <summary>Autonomy level of the current plan.</summary>
    public AutonomyLevel? Level { get; init; }

    /// <summary>Approvals needed and received, one line (re-derived from comments every pass).</summary>
    public string? Approvals { get; init; }

    /// <summary>Backup role that may also approve after a synchronous approval timed out (its members were pinged once).</summary>
    public string? BackupRole { get; init; }

    /// <summary>A human's terminal choice that holds until <c>/retry</c>.</summary>
    public Override? Override { get; init; }

    /// <summary>The last decisions, newest last (bounded): who approved, rejected, held, retried, and why.</summary>
    public IReadOnlyList<AuditEntry>? Audit { get; init; }

    /// <summary>Total cost of this issue's executions, USD.</summary>
    public decimal CostUsd { get; init; }

    /// <summary>When the last execution cost was recorded.</summary>
    public DateTimeOffset? CostAt { get; init; }

    /// <summary>Time spent waiting on humans, excluded from the agent's SLA.</summary>
    public long WaitSeconds { get; init; }

    /// <summary>When the current human wait began.</summary>
    public DateTimeOffset? WaitingSince { get; init; }

    /// <summary>
    /// Whether the finished work was drawn for the human review sample, recorded when it finished so the draw never changes
    /// afterwards (a crash between the status comment and the labels re-adds the label); null on work finished before the
    /// draw was recorded, which keeps the draw it was made with.
    /// </summary>
    public bool? Review { get; init; }

    /// <summary>
    /// The pass handing the current key to the executor, while it does (see <see cref="State.Lease"/>); taken with the
    /// intent, ended by the holder's next write.
    /// </summary>
    public Lease? Lease { get; init; }

    /// <summary>True when this state was rebuilt because the marker was missing or invalid.</summary>
    public bool Rebuilt { get; init; }
}
