using System.Text;
using BusinessOps.Core.Policies;

namespace BusinessOps.Core.Governance;

/// <summary>Short, Markdown-safe replies about approvals: who may approve, and why a command did not count.</summary>
public static class ApprovalReplies
{
    /// <summary>
    /// Who may approve, e.g. <c>carla (CFO); casey (Customer success manager)</c>, or for the collaborator role
    /// <c>any collaborator with write permission other than the author</c>. Team entries are listed as written.
    /// </summary>
    public static string WhoMayApprove(ApprovalRequirement req, ApprovalPolicy p)
    {
        if (req.Automatic)
        {
            return "nobody needs to: no approval is required";
        }

        var sb = new StringBuilder();
        for (var i = 0; i < req.Roles.Count; i++)
        {
            var role = req.Roles[i];
            sb.Append(i == 0 ? string.Empty : "; ");
            if (role.AnyCollaborator)
            {
                sb.Append("any collaborator with ")
                    .Append(Wording.Permission(p.MinimumApproverPermission))
                    .Append(p.AllowSelfApproval ? " permission" : " permission other than the issue's author");
                continue;
            }

            AppendNames(sb, role.Approvers);
            sb.Append(" (").Append(Wording.Role(role.Role));
            if (role.Required > 1)
            {
                sb.Append(", ").Append(role.Required).Append(" distinct approvers");
            }

            sb.Append(')');
        }

        if (req.BackupRole is not null)
        {
            sb.Append("; as backup: ");
            AppendNames(sb, req.BackupApprovers);
            sb.Append(" (").Append(Wording.Role(req.BackupRole)).Append(')');
        }

        return sb.ToString();
    }

    /// <summary>
    /// The reply to an ignored <c>/approve</c> or <c>/reject</c>:
    /// <c>`/approve` from fiona did not count: fiona is not in role cfo. Who may approve: carla (CFO).</c>
    /// </summary>
    public static string ForIgnored(IgnoredCommand ignored, ApprovalRequirement req, ApprovalPolicy p)
    {
        var verb = ignored.Kind == CommandKind.Reject ? "reject" : "approve";
        return $"`/{verb}` from {MarkdownSafe.Inline(ignored.Author, 100)} did not count: {MarkdownSafe.Inline(ignored.Reason, 300)}. " +
            $"Who may {verb}: {WhoMayApprove(req, p)}.";
    }

    /// <summary>The values of <see cref="ForIgnored"/> for the <c>approval-ignored</c> template: command, author, reason, who_may (neutralized here).</summary>
    public static IReadOnlyDictionary<string, object?> Model(IgnoredCommand ignored, ApprovalRequirement req, ApprovalPolicy p) => new Dictionary<string, object?>
    {
        ["command"] = ignored.Kind == CommandKind.Reject ? "reject" : "approve",
        ["author"] = MarkdownSafe.Inline(ignored.Author, 100),
        ["reason"] = MarkdownSafe.Inline(ignored.Reason, 300),
        ["who_may"] = WhoMayApprove(req, p),
    };

    private static void AppendNames(StringBuilder sb, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            sb.Append("nobody (the role has no members in policy)");
            return;
        }

        for (var i = 0; i < names.Count; i++)
        {
            sb.Append(i == 0 ? string.Empty : ", ");
            MarkdownSafe.Append(sb, names[i]);
        }
    }
}
