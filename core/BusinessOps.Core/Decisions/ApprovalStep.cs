using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;
using BusinessOps.Core.State;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// A plan waiting for approval: who must approve (routed by financial and customer impact from the issue's full labels),
/// the approvals re-derived from comments on every pass, and the timeouts. Approved: the execute phase performs the
/// approved effects on the approved input (a plan without effects is simply done). Rejected: done, nothing executed. Still waiting: the backup approvers are pinged once per plan, and each cause
/// (risk, timeout) is said at most once.
/// </summary>
internal static class ApprovalStep
{
    public static Decision Apply(Decision d, DecisionInput input, ResultRecord plan)
    {
        var policies = input.Policies;
        var approvals = policies.Approvals;
        var state = d.State;
        var planHash = state.PlanHash ?? PlanHash.Compute(plan.Key);
        var planAt = state.PlanAt ?? input.Now;
        var requirement = ApprovalRouter.For(PlanClassification.Of(plan, policies.Connectors), input.Issue.Labels, approvals, policies.Autonomy.Mode, humanRequired: true);
        var timeout = ApprovalTimeouts.Check(requirement.Kind, state.WaitingSince ?? planAt, input.Now, approvals);
        var widened = timeout.Outcome == TimeoutOutcome.BackupApprover && timeout.BackupRole is not null;
        if (widened)
        {
            requirement = ApprovalRouter.WidenTo(requirement, timeout.BackupRole!, approvals);
        }

        if (Approvers.Missing(requirement, input) is { } needs)
        {
            return d with { Needs = needs };
        }

        var verdict = ApprovalEvaluator.Evaluate(input.Issue, requirement, planHash, planAt, policies.Identity, input.Context.Permissions, approvals, input.Context.Teams);
        if (verdict.NeedsPermissionLookup.Count > 0)
        {
            return d with { Needs = new GatherFacts(verdict.NeedsPermissionLookup) };
        }

        foreach (var ignored in verdict.Ignored)
        {
            d = d.Note(input, "ignored:" + ignored.CommentId, ApprovalComments.Ignored(ignored, requirement, approvals));
        }

        var summary = verdict.Summary;
        d = d.State.Approvals == summary ? d : d with { State = d.State with { Approvals = summary } };
        switch (verdict.State)
        {
            case ApprovalState.Approved when d.State.Status == IssueStatus.Done:
                // Approved and finished on an earlier pass (a plan without effects): recorded then, nothing new now.
                return ExecuteStep.Start(d, input, d.State.Attempt);
            case ApprovalState.Approved:
                d = Approvers.Acknowledge(d, verdict.DecidingCommentId)
                    .Audit(input, string.Join(", ", verdict.Approvers), "approved", requirement.Explanation, Approvers.At(input, verdict.DecidingCommentId))
                    .EndWait(input.Now);
                return ExecuteStep.Start(d, input, d.State.Attempt);
            case ApprovalState.Rejected:
                d = Approvers.Acknowledge(d, verdict.DecidingCommentId)
                    .Audit(input, verdict.RejectedBy ?? "?", "rejected", verdict.RejectionReason ?? "no reason given", Approvers.At(input, verdict.DecidingCommentId))
                    .EndWait(input.Now);
                var rejected = Text.Bound("Plan rejected by " + verdict.RejectedBy + (verdict.RejectionReason is { } r ? ": " + r : "; nothing was executed"), 240);
                return d with { State = d.State with { Override = Override.Rejected, Summary = rejected, Status = IssueStatus.Done } };
        }

        // Still waiting: only now is it worth pinging the backup approvers (an approval in this same pass needs nobody).
        if (widened && d.State.BackupRole != timeout.BackupRole)
        {
            d = d with { State = d.State with { BackupRole = timeout.BackupRole } };
            d = d.Note(input, "backup:" + planHash, ApprovalComments.Backup(Text.Mentions(ApprovalRouter.Members(timeout.BackupRole!, approvals)), timeout.Explanation));
        }

        if (d.State.Risks is { Count: > 0 } risks)
        {
            d = d.Note(input, "risk:" + planHash, ApprovalComments.Risks(risks));
        }

        switch (timeout.Outcome)
        {
            case TimeoutOutcome.ConservativeDefault:
                d = d.Note(input, "timeout:" + planHash, ApprovalComments.Timeout(timeout.Explanation));
                break;
            case TimeoutOutcome.Escalate:
                d = d.Note(input, "timeout:" + planHash, ApprovalComments.TimeoutEscalated(Text.Mentions(policies.Sla.Managers), timeout.Explanation))
                    .Audit(input, "coordinator", "escalated", "approval timed out", timeout.Deadline)
                    .EndWait(input.Now);
                return d with { State = d.State with { Override = Override.Escalated, Status = IssueStatus.Escalated } };
        }

        return d.WithStatus(IssueStatus.AwaitingApproval);
    }
}
