using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;
using HumanOverride = BusinessOps.Core.State.Override;
using PriorityLevel = BusinessOps.Core.Labels.Priority;

namespace BusinessOps.Core.State;

/// <summary>
/// The status marker as the first release wrote it (<c>"v":1</c>): every lifecycle field a string (<c>status/done</c>,
/// <c>P1</c>, <c>L2</c>, <c>aws</c>). Read only, and upgraded to <see cref="OpsState"/> as soon as it is parsed.
/// </summary>
public sealed record OpsStateV1
{
    public int V { get; init; }

    public string? Status { get; init; }

    public string? Agent { get; init; }

    public int Attempt { get; init; }

    public string? Phase { get; init; }

    public string? Key { get; init; }

    public DateTimeOffset? DispatchedAt { get; init; }

    public string? Executor { get; init; }

    public string? ExternalId { get; init; }

    public int Failures { get; init; }

    public string? SettledKey { get; init; }

    public string? Summary { get; init; }

    public string? Triage { get; init; }

    public string? InputHash { get; init; }

    public DateTimeOffset? NotBefore { get; init; }

    public DateTimeOffset? PriorityAt { get; init; }

    public string? Priority { get; init; }

    public string? PlanHash { get; init; }

    public DateTimeOffset? PlanAt { get; init; }

    public long LastCommandId { get; init; }

    public string? Level { get; init; }

    public string? Approvals { get; init; }

    public string? BackupRole { get; init; }

    public string? Override { get; init; }

    public IReadOnlyList<AuditEntry>? Audit { get; init; }

    public decimal CostUsd { get; init; }

    public DateTimeOffset? CostAt { get; init; }

    public long WaitSeconds { get; init; }

    public DateTimeOffset? WaitingSince { get; init; }

    public bool Rebuilt { get; init; }

    /// <summary>
    /// The same memory in version 2. <c>aws</c> becomes the executor the dispatch policy gives the priority (what the
    /// AWS executor did); a settled plan result waiting or finished in its status gets the gate outcome that status
    /// shows, so a plan carried out under version 1 is not gated again either.
    /// </summary>
    public OpsState Upgrade(DispatchPolicy dispatch)
    {
        var status = Status is not null && LabelNames.TryParseStatus(Status, out var s) ? s : IssueStatus.New;
        PriorityLevel? priority = Priority is not null && LabelNames.TryParsePriority(LabelNames.PriorityPrefix + Priority, out var p) ? p : null;
        DispatchPhase? phase = Phase switch
        {
            IdempotencyKey.PlanPhase => DispatchPhase.Plan,
            IdempotencyKey.ExecutePhase => DispatchPhase.Execute,
            _ => null,
        };
        ExecutorKind? executor = Executor switch
        {
            "local" => ExecutorKind.Local,
            "lambda" => ExecutorKind.Lambda,
            "batch" => ExecutorKind.Batch,
            "aws" when priority is { } prio => dispatch.For(prio).Executor,
            "aws" => ExecutorKind.Batch,
            _ => null,
        };
        HumanOverride? chosen = Override switch
        {
            "cancelled" => HumanOverride.Cancelled,
            "escalated" => HumanOverride.Escalated,
            "rejected" => HumanOverride.Rejected,
            "decided" => HumanOverride.Decided,
            _ => null,
        };
        GateDecision? gate = phase != DispatchPhase.Plan || Key is null || SettledKey != Key || chosen is not null ? null : status switch
        {
            IssueStatus.Done => GateDecision.ExecuteAndReport,
            IssueStatus.AwaitingApproval => GateDecision.RequireApproval,
            IssueStatus.AwaitingDecision => GateDecision.DecisionSupport,
            _ => null,
        };

        return new OpsState
        {
            Status = status,
            Agent = Agent,
            Attempt = Attempt,
            Phase = phase,
            Key = Key,
            DispatchedAt = DispatchedAt,
            Executor = executor,
            ExternalId = ExternalId,
            Failures = Failures,
            SettledKey = SettledKey,
            Summary = Summary,
            Triage = Triage,
            InputHash = InputHash,
            NotBefore = NotBefore,
            PriorityAt = PriorityAt,
            Priority = priority,
            PlanKey = gate is null ? null : Key,
            Gate = gate,
            PlanHash = PlanHash,
            PlanAt = PlanAt,
            LastCommandId = LastCommandId,
            Level = Level switch { "L1" => AutonomyLevel.L1, "L2" => AutonomyLevel.L2, "L3" => AutonomyLevel.L3, _ => null },
            Approvals = Approvals,
            BackupRole = BackupRole,
            Override = chosen,
            Audit = Audit,
            CostUsd = CostUsd,
            CostAt = CostAt,
            WaitSeconds = WaitSeconds,
            WaitingSince = WaitingSince,
            Rebuilt = Rebuilt,
        };
    }
}
