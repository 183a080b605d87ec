namespace BusinessOps.Core.Governance;

/// <summary>Approvals received for one required role: "CFO: 1 of 1 (carla)".</summary>
/// <param name="Role">The policy role (or <see cref="ApprovalRouter.CollaboratorRole"/>).</param>
/// <param name="Required">Distinct approvers needed.</param>
/// <param name="Approvers">Distinct logins whose approval counted for this role, in comment order.</param>
public sealed record RoleProgress(string Role, int Required, IReadOnlyList<string> Approvers)
{
    /// <summary>True when the role has its approvers.</summary>
    public bool Satisfied => Approvers.Count >= Required;
}
