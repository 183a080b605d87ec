using BusinessOps.Core.Policies;

namespace BusinessOps.Core.Governance;

/// <summary>
/// One role whose approval is needed: <see cref="Required"/> distinct people among <see cref="Approvers"/>
/// (logins, or <c>org/team</c> entries that match only through a supplied team membership map).
/// </summary>
/// <param name="Role">Policy role name (<c>cfo</c>), or <see cref="ApprovalRouter.CollaboratorRole"/>.</param>
/// <param name="Approvers">The role's members from policy; empty for the collaborator role.</param>
/// <param name="Required">Distinct approvers needed (≥ 1).</param>
/// <param name="Kind">The approval kind, which selects the timeout and fallback.</param>
/// <param name="Reason">Why this role must approve, for people (<c>CFO approval required: …</c>).</param>
public sealed record RoleRequirement(string Role, IReadOnlyList<string> Approvers, int Required, ApprovalKind Kind, string Reason)
{
    /// <summary>True for the manual-mode fallback: any collaborator with the minimum permission, other than the author, may approve.</summary>
    public bool AnyCollaborator { get; init; }
}
