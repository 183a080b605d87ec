using BusinessOps.Core.Comments;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Policies;

namespace BusinessOps.Core.Decisions;

/// <summary>The notes while a plan waits for approval: an ignored vote, backup approvers, risks, a timeout.</summary>
internal static class ApprovalComments
{
    /// <summary><c>approval-ignored</c>: command; author; reason; who_may.</summary>
    public static CommentText Ignored(IgnoredCommand ignored, ApprovalRequirement requirement, ApprovalPolicy approvals) =>
        new(CommentNames.ApprovalIgnored, ApprovalReplies.Model(ignored, requirement, approvals), ApprovalReplies.ForIgnored(ignored, requirement, approvals));

    /// <summary><c>approval-backup</c>: mentions (the backup approvers); explanation (who may approve now, escaped).</summary>
    public static CommentText Backup(string mentions, string explanation) => WithMentions(CommentNames.ApprovalBackup, mentions, explanation);

    /// <summary><c>approval-risks</c>: risks (a list of escaped sentences).</summary>
    public static CommentText Risks(IEnumerable<string> risks)
    {
        var list = risks.Select(Text.Inline).ToList();
        return new(
            CommentNames.ApprovalRisks,
            new Dictionary<string, object?> { ["risks"] = list },
            "Approval is needed before I execute this plan: " + string.Join(" ", list));
    }

    /// <summary><c>approval-timeout</c>: explanation (what timed out, escaped).</summary>
    public static CommentText Timeout(string explanation)
    {
        var text = Text.Inline(explanation);
        return new(
            CommentNames.ApprovalTimeout,
            new Dictionary<string, object?> { ["explanation"] = text },
            text + " Nothing was executed (conservative default); the plan can still be approved.");
    }

    /// <summary><c>approval-timeout-escalated</c>: mentions (the managers of sla.yml); explanation (escaped).</summary>
    public static CommentText TimeoutEscalated(string mentions, string explanation) => WithMentions(CommentNames.ApprovalTimeoutEscalated, mentions, explanation);

    private static CommentText WithMentions(string name, string mentions, string explanation)
    {
        var text = Text.Inline(explanation);
        return new(name, new Dictionary<string, object?> { ["mentions"] = new CommentMarkup(mentions), ["explanation"] = text }, mentions + text);
    }
}
