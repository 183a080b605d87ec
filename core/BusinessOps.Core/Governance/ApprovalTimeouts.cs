using BusinessOps.Core.Policies;
using BusinessOps.Core.Time;

namespace BusinessOps.Core.Governance;

/// <summary>
/// Approval timeouts and fallbacks (issue 5): synchronous 5 min → backup approver, asynchronous 4 h →
/// conservative default, consensus 24 h → escalate (values from policy). The fallback applies from the
/// deadline itself (waited ≥ timeout).
/// </summary>
public static class ApprovalTimeouts
{
    /// <summary>Checks the wait that began at <paramref name="waitingSince"/> (the plan's posting, or the start of the human wait).</summary>
    public static TimeoutCheck Check(ApprovalKind kind, DateTimeOffset waitingSince, DateTimeOffset now, ApprovalPolicy p)
    {
        if (!p.Timeouts.TryGetValue(kind, out var timeout))
        {
            return new TimeoutCheck(TimeoutOutcome.None, null, null, null, string.Empty);
        }

        var deadline = waitingSince + timeout.After;
        if (now < deadline)
        {
            return new TimeoutCheck(TimeoutOutcome.None, deadline - now, deadline, null, string.Empty);
        }

        var waited = Durations.Words(timeout.After);
        var (outcome, explanation) = timeout.Fallback switch
        {
            TimeoutFallback.BackupApprover when !string.IsNullOrWhiteSpace(timeout.BackupRole) =>
                (TimeoutOutcome.BackupApprover, $"No approval within {waited}: {Wording.Role(timeout.BackupRole)} may now approve as backup."),
            TimeoutFallback.ConservativeDefault =>
                (TimeoutOutcome.ConservativeDefault, $"No approval within {waited}: nothing was done (conservative default). Approve to proceed."),
            TimeoutFallback.BackupApprover =>
                (TimeoutOutcome.Escalate, $"No approval within {waited} and no backup approver in policy: escalated to the managers."),
            _ => (TimeoutOutcome.Escalate, $"No approval within {waited}: escalated to the managers."),
        };

        return new TimeoutCheck(
            outcome,
            TimeSpan.Zero,
            deadline,
            outcome == TimeoutOutcome.BackupApprover ? timeout.BackupRole : null,
            explanation);
    }
}
