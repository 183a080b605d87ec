using System.Text;

namespace BusinessOps.Core.Governance;

/// <summary>
/// The approval state of the current plan, re-derived from comments on every pass.
/// </summary>
/// <param name="State">Approved, rejected or pending.</param>
/// <param name="Approvers">Distinct logins whose approval counted (for any role), in comment order.</param>
/// <param name="Progress">Per required role: needed and received (empty for an automatic requirement).</param>
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

    /// <summary>
    /// One Markdown-safe line for the status comment ("approvals needed and received"), built on each access:
    /// <c>Approved: CFO 1 of 1 (carla).</c>, <c>Waiting for approval: Board 1 of 2 (bob).</c>,
    /// <c>Rejected by carla: too expensive.</c>, <c>No approval required.</c>
    /// </summary>
    public string Summary
    {
        get
        {
            var sb = new StringBuilder(64);
            if (State == ApprovalState.Rejected)
            {
                sb.Append("Rejected by ");
                MarkdownSafe.Append(sb, RejectedBy);
                if (!string.IsNullOrWhiteSpace(RejectionReason))
                {
                    sb.Append(": ").Append(MarkdownSafe.Inline(RejectionReason, 200));
                }

                return sb.Append('.').ToString();
            }

            if (Progress.Count == 0)
            {
                return State == ApprovalState.Approved ? "No approval required." : "Waiting for approval.";
            }

            sb.Append(State == ApprovalState.Approved ? "Approved: " : "Waiting for approval: ");
            for (var i = 0; i < Progress.Count; i++)
            {
                var r = Progress[i];
                sb.Append(i == 0 ? string.Empty : "; ")
                    .Append(Wording.Role(r.Role)).Append(' ')
                    .Append(Math.Min(r.Approvers.Count, r.Required))
                    .Append(" of ").Append(r.Required);
                AppendLogins(sb, r.Approvers);
            }

            sb.Append('.');
            if (NeedsPermissionLookup.Count > 0)
            {
                sb.Append(" Checking the permission of");
                AppendLogins(sb, NeedsPermissionLookup);
                sb.Append('.');
            }

            return sb.ToString();
        }
    }

    private static void AppendLogins(StringBuilder sb, IReadOnlyList<string> logins)
    {
        if (logins.Count == 0)
        {
            return;
        }

        sb.Append(" (");
        for (var i = 0; i < logins.Count; i++)
        {
            sb.Append(i == 0 ? string.Empty : ", ");
            MarkdownSafe.Append(sb, logins[i]);
        }

        sb.Append(')');
    }
}
