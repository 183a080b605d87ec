using BusinessOps.Core.Agents;
using BusinessOps.Core.Labels;

namespace BusinessOps.Agents.ProjectManagement;

/// <summary>The owner of an issue (by its agent, from <c>delivery.yml</c>'s <c>owners</c>; <c>ops-lead</c> otherwise) and what they do next, by why it needs attention.</summary>
internal static class NextActions
{
    public const string FallbackOwner = "ops-lead";

    /// <summary>The owner <paramref name="owners"/> names for <paramref name="agent"/> by its full (<c>ai-finance-agent</c>) or short (<c>finance</c>) name.</summary>
    public static string OwnerOf(string agent, IReadOnlyDictionary<string, string> owners) =>
        owners.TryGetValue(agent, out var owner) || owners.TryGetValue(AgentPolicyBook.TemplateName(agent), out owner) ? owner : FallbackOwner;

    public static string For(IssueStatus status, bool breached) => status switch
    {
        IssueStatus.Escalated => "take ownership: read the failures, fix the cause, then comment `/retry` (or close it)",
        IssueStatus.Failed => "read the failure, correct the input or the connector, then comment `/retry`",
        IssueStatus.OnHold => "decide: comment `/unhold` to resume it, or close it",
        IssueStatus.AwaitingApproval => "review the plan and comment `/approve` or `/reject`",
        IssueStatus.AwaitingDecision => "read the decision brief and decide: `/approve` the recommendation or comment your choice",
        IssueStatus.NeedsTriage => "fix the form (the comment says which field) or add a routing label",
        _ when breached => "answer now: the SLA is breached; say when it will be done",
        _ => "check progress",
    };
}
