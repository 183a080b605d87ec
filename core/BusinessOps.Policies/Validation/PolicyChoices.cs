using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;

namespace BusinessOps.Policies.Validation;

/// <summary>Every enum spelling the policy files accept, in one place.</summary>
internal static class PolicyChoices
{
    public static Choices<Priority> Priority { get; } = new("priority",
        ("P0", Core.Labels.Priority.P0), ("P1", Core.Labels.Priority.P1), ("P2", Core.Labels.Priority.P2), ("P3", Core.Labels.Priority.P3));

    public static Choices<ExecutorKind> Executor { get; } = new("executor", ("lambda", ExecutorKind.Lambda), ("batch", ExecutorKind.Batch));

    public static Choices<AutonomyMode> Mode { get; } = new("mode",
        ("manual", AutonomyMode.Manual), ("semi-auto", AutonomyMode.SemiAuto), ("full-auto", AutonomyMode.FullAuto));

    public static Choices<AutonomyLevel> Level { get; } = new("level",
        ("L1", AutonomyLevel.L1), ("L2", AutonomyLevel.L2), ("L3", AutonomyLevel.L3));

    public static Choices<Impact> Impact { get; } = new("impact",
        ("low", Core.Results.Impact.Low), ("medium", Core.Results.Impact.Medium), ("high", Core.Results.Impact.High), ("critical", Core.Results.Impact.Critical));

    public static Choices<Complexity> Complexity { get; } = new("complexity",
        ("simple", Core.Results.Complexity.Simple), ("moderate", Core.Results.Complexity.Moderate),
        ("complex", Core.Results.Complexity.Complex), ("strategic", Core.Results.Complexity.Strategic));

    public static Choices<Reversibility> Reversibility { get; } = new("reversibility",
        ("easily_reversible", Core.Results.Reversibility.EasilyReversible), ("reversible", Core.Results.Reversibility.Reversible),
        ("difficult_to_reverse", Core.Results.Reversibility.DifficultToReverse), ("irreversible", Core.Results.Reversibility.Irreversible));

    public static Choices<ApprovalKind> ApprovalKind { get; } = new("approval kind",
        ("synchronous", Core.Policies.ApprovalKind.Synchronous), ("asynchronous", Core.Policies.ApprovalKind.Asynchronous),
        ("consensus", Core.Policies.ApprovalKind.Consensus));

    public static Choices<TimeoutFallback> Fallback { get; } = new("fallback",
        ("backup-approver", TimeoutFallback.BackupApprover), ("conservative-default", TimeoutFallback.ConservativeDefault),
        ("escalate", TimeoutFallback.Escalate));

    public static Choices<CustomerScope> CustomerScope { get; } = new("customer scope",
        ("one", Core.Policies.CustomerScope.One), ("several", Core.Policies.CustomerScope.Several),
        ("enterprise", Core.Policies.CustomerScope.Enterprise));

    public static Choices<RepositoryPermission> Permission { get; } = new("permission",
        ("none", RepositoryPermission.None), ("read", RepositoryPermission.Read), ("triage", RepositoryPermission.Triage),
        ("write", RepositoryPermission.Write), ("maintain", RepositoryPermission.Maintain), ("admin", RepositoryPermission.Admin));
}
