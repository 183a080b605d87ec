using BusinessOps.Core.Ports;

namespace BusinessOps.Core.Policies;

/// <summary>
/// <c>policies/approvals.yml</c>: who may approve what, how many, how long to wait, and the
/// permission level each slash command needs.
/// </summary>
public sealed record ApprovalPolicy(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Roles,
    IReadOnlyList<FinancialTier> FinancialTiers,
    IReadOnlyList<CustomerTier> CustomerTiers,
    IReadOnlyDictionary<ApprovalKind, ApprovalTimeout> Timeouts,
    IReadOnlyDictionary<string, RepositoryPermission> Commands,
    bool AllowSelfApproval,
    RepositoryPermission MinimumApproverPermission)
{
    public static ApprovalPolicy Default { get; } = new(
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["finance-manager"] = ["fiona"],
            ["cfo"] = ["carla"],
            ["board"] = ["bob", "beatrice"],
            ["customer-success-manager"] = ["casey"],
            ["head-of-customer-success"] = ["hana"],
            ["ceo"] = ["ceo"],
            ["operations-manager"] = ["olivia"],
        },
        [
            new(1000m, null, 1, ApprovalKind.Synchronous),
            new(5000m, "finance-manager", 1, ApprovalKind.Synchronous),
            new(25000m, "cfo", 1, ApprovalKind.Asynchronous),
            new(null, "board", 2, ApprovalKind.Consensus),
        ],
        [
            new(CustomerScope.One, "customer-success-manager"),
            new(CustomerScope.Several, "head-of-customer-success"),
            new(CustomerScope.Enterprise, "ceo"),
        ],
        new Dictionary<ApprovalKind, ApprovalTimeout>
        {
            [ApprovalKind.Synchronous] = new(TimeSpan.FromMinutes(5), TimeoutFallback.BackupApprover, "operations-manager"),
            [ApprovalKind.Asynchronous] = new(TimeSpan.FromHours(4), TimeoutFallback.ConservativeDefault, null),
            [ApprovalKind.Consensus] = new(TimeSpan.FromHours(24), TimeoutFallback.Escalate, null),
        },
        new Dictionary<string, RepositoryPermission>(StringComparer.OrdinalIgnoreCase)
        {
            ["approve"] = RepositoryPermission.Write,
            ["reject"] = RepositoryPermission.Write,
            ["retry"] = RepositoryPermission.Triage,
            ["hold"] = RepositoryPermission.Triage,
            ["unhold"] = RepositoryPermission.Triage,
            ["cancel"] = RepositoryPermission.Write,
            ["priority"] = RepositoryPermission.Triage,
            ["escalate"] = RepositoryPermission.Triage,
            ["agent"] = RepositoryPermission.Triage,
            ["effect"] = RepositoryPermission.Write,
        },
        AllowSelfApproval: false,
        MinimumApproverPermission: RepositoryPermission.Write);
}

/// <summary>
/// Financial impact strictly below <see cref="BelowUsd"/> (null = no upper bound) needs <see cref="Required"/>
/// distinct approvers from <see cref="Role"/>; a null role means automatic approval.
/// </summary>
public sealed record FinancialTier(decimal? BelowUsd, string? Role, int Required, ApprovalKind Kind);

/// <summary>Customer-facing work: the role that must approve for the scope of customers affected.</summary>
public sealed record CustomerTier(CustomerScope Scope, string Role);

/// <summary>One customer (one <c>client/*</c> label), several, or an enterprise/public-facing change.</summary>
public enum CustomerScope
{
    One,
    Several,
    Enterprise,
}

/// <summary>Synchronous (minutes), asynchronous (hours), consensus (N approvers, a day).</summary>
public enum ApprovalKind
{
    Synchronous,
    Asynchronous,
    Consensus,
}

/// <summary>What happens when no approval arrives within <see cref="After"/>.</summary>
public sealed record ApprovalTimeout(TimeSpan After, TimeoutFallback Fallback, string? BackupRole);

/// <summary>Backup approver (role widens), conservative default (do nothing, say so), escalate to managers.</summary>
public enum TimeoutFallback
{
    BackupApprover,
    ConservativeDefault,
    Escalate,
}
