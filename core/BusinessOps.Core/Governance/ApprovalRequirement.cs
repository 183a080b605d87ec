using BusinessOps.Core.Policies;

namespace BusinessOps.Core.Governance;

/// <summary>
/// Who must approve a plan. Every role in <see cref="Roles"/> must be satisfied (financial and customer
/// requirements both apply when both are triggered). <see cref="Automatic"/> means no human approval is needed.
/// </summary>
/// <param name="Automatic">True when no role applies (and the mode is not manual).</param>
/// <param name="Roles">Roles that must each approve; empty when automatic.</param>
/// <param name="Kind">The slowest kind among the roles (Synchronous &lt; Asynchronous &lt; Consensus): selects the timeout.</param>
/// <param name="Explanation">A human sentence for the status comment.</param>
public sealed record ApprovalRequirement(bool Automatic, IReadOnlyList<RoleRequirement> Roles, ApprovalKind Kind, string Explanation)
{
    /// <summary>The backup role after a synchronous timeout (see <see cref="ApprovalRouter.WidenTo"/>); null before.</summary>
    public string? BackupRole { get; init; }

    /// <summary>Members of <see cref="BackupRole"/>: each may approve in place of any role.</summary>
    public IReadOnlyList<string> BackupApprovers { get; init; } = [];

    /// <summary>Total distinct approvals still to collect when nobody has approved yet (sum over roles).</summary>
    public int TotalRequired
    {
        get
        {
            var total = 0;
            for (var k = 0; k < Roles.Count; k++)
            {
                var r = Roles[k];
                total += r.Required;
            }

            return total;
        }
    }
}
