using BusinessOps.Core.Governance;

namespace BusinessOps.Core.Decisions;

/// <summary>What the approval and decision-support steps share: the facts they need about people, and the acknowledgement.</summary>
internal static class Approvers
{
    /// <summary>Teams named in the requirement's roles that the context does not know yet, as a request to gather them.</summary>
    public static GatherFacts? Missing(ApprovalRequirement requirement, DecisionInput input)
    {
        if (input.Context.Teams is not null)
        {
            return null;
        }

        foreach (var role in requirement.Roles)
        {
            if (role.Approvers.Any(IsTeam))
            {
                return new GatherFacts([], Teams: true);
            }
        }

        return requirement.BackupApprovers.Any(IsTeam) ? new GatherFacts([], Teams: true) : null;
    }

    /// <summary>Approval transitions happen once (the issue leaves the gate), so the reaction is added once.</summary>
    public static Decision Acknowledge(Decision d, long? commentId) => commentId is { } id ? d.React(id) : d;

    /// <summary>When the deciding comment was posted.</summary>
    public static DateTimeOffset? At(DecisionInput input, long? commentId) => input.Issue.Comments.FirstOrDefault(c => c.Id == commentId)?.CreatedAt;

    private static bool IsTeam(string entry) => entry.Contains('/', StringComparison.Ordinal);
}
