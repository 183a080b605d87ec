namespace BusinessOps.Core.Governance;

/// <summary>
/// The approval state of the current plan, re-derived from comments on every pass.
/// </summary>
/// <param name="State">Approved, rejected or pending.</param>
/// <param name="Approvers">Distinct logins whose approval counted (for any role), in comment order.</param>
/// <param name="Progress">Per required role: needed and received.</param>
/// <param name="Ignored">Every approve/reject command that did not count, with its reason.</param>
/// <param name="NeedsPermissionLookup">Otherwise-eligible authors whose repository permission is not in the map yet;
/// while non-empty the verdict is never <see cref="ApprovalState.Approved"/> (one of them might have rejected).</param>
public sealed record ApprovalVerdict(
    ApprovalState State,
    IReadOnlyList<string> Approvers,
    IReadOnlyList<RoleProgress> Progress,
    IReadOnlyList<IgnoredCommand> Ignored,
    IReadOnlyList<string> NeedsPermissionLookup)
{
    /// <summary>Login of the eligible approver whose <c>/reject</c> decided (the first one), when rejected.</summary>
    public string? RejectedBy { get; init; }

    /// <summary>The reject's reason text (untrusted), when given.</summary>
    public string? RejectionReason { get; init; }

    /// <summary>The comment that completed the approval or made the rejection.</summary>
    public long? DecidingCommentId { get; init; }

    /// <summary>One Markdown-safe line for the status comment: "Approved by carla (CFO).", "Waiting for approval: Board 1 of 2 (bob)."</summary>
    public string Summary { get; init; } = string.Empty;
}
