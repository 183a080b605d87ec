using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// After the plan run: the autonomy level from the plan's classification, the gate for the mode, the risk
/// controls, and — when a human must approve — the approval re-derived from comments on every pass.
/// </summary>
internal sealed partial class DecisionRun
{
    private void Gate(ResultRecord plan)
    {
        var classification = plan.Classification ?? Classification.Routine;
        var level = AutonomyClassifier.Level(classification, policies.Autonomy, _agent!, OperationLabel());
        var gate = AutonomyGate.Decide(level, policies.Autonomy.Mode);
        if (plan.Outcome == AgentOutcome.NeedsDecision)
        {
            gate = GateDecision.DecisionSupport;
        }
        else if (plan.Outcome == AgentOutcome.NeedsApproval && gate == GateDecision.ExecuteAndReport)
        {
            gate = GateDecision.RequireApproval;
        }

        var client = _labels.Clients.FirstOrDefault();
        var risks = RiskGate.Evaluate(
            plan.CostUsd,
            plan.Confidence,
            context.SpentTodayUsd,
            client is null ? 0 : context.SpentTodayByClient.GetValueOrDefault(client),
            policies.Autonomy.Risk,
            client);
        if (gate == GateDecision.ExecuteAndReport && risks.Count > 0)
        {
            gate = GateDecision.RequireApproval;
        }

        _state = _state with { Level = level.ToString() };
        SetLevelLabel(level);
        switch (gate)
        {
            case GateDecision.ExecuteAndReport:
                // Execute & report: the plan run did the work (our agents' work is the analysis they report).
                _state = _state with { Approvals = null };
                Finish(plan.Key);
                break;
            case GateDecision.DecisionSupport:
                AwaitDecision(plan, classification);
                break;
            default:
                AwaitApproval(plan, classification, risks);
                break;
        }
    }

    private void AwaitApproval(ResultRecord plan, Classification classification, IReadOnlyList<string> risks)
    {
        var planAt = _history.ResultTime(plan.Key) ?? now;
        var planHash = plan.PlanHash ?? PlanHash.Compute(plan.Key);
        if (_state.PlanHash != planHash)
        {
            _state = _state with { PlanHash = planHash, PlanAt = planAt, WaitingSince = planAt, BackupRole = null };
        }

        var requirement = ApprovalRouter.For(classification, _labels.Clients, policies.Approvals, policies.Autonomy.Mode, humanRequired: true);
        var waitingSince = _state.WaitingSince ?? planAt;
        var timeout = ApprovalTimeouts.Check(requirement.Kind, waitingSince, now, policies.Approvals);
        var widened = timeout.Outcome == TimeoutOutcome.BackupApprover && timeout.BackupRole is not null;
        if (widened)
        {
            requirement = ApprovalRouter.WidenTo(requirement, timeout.BackupRole!, policies.Approvals);
        }

        var verdict = ApprovalEvaluator.Evaluate(issue, requirement, planHash, _state.PlanAt ?? planAt, policies.Identity, context.Permissions, policies.Approvals, context.Teams);
        foreach (var ignored in verdict.Ignored)
        {
            Note("ignored:" + ignored.CommentId, ApprovalReplies.ForIgnored(ignored, requirement, policies.Approvals));
        }

        _state = _state with { Approvals = verdict.Summary };
        switch (verdict.State)
        {
            case ApprovalState.Approved:
                Acknowledge(verdict.DecidingCommentId);
                Audit(string.Join(", ", verdict.Approvers), "approved", requirement.Explanation, At(verdict.DecidingCommentId));
                EndWait();
                Dispatch(_state.Attempt, IdempotencyKey.ExecutePhase);
                return;
            case ApprovalState.Rejected:
                Acknowledge(verdict.DecidingCommentId);
                Audit(verdict.RejectedBy ?? "?", "rejected", verdict.RejectionReason ?? "no reason given", At(verdict.DecidingCommentId));
                EndWait();
                _state = _state with { Override = "rejected", Summary = Text.Bound("Plan rejected by " + verdict.RejectedBy + (verdict.RejectionReason is { } r ? ": " + r : "; nothing was executed"), 240) };
                SetStatus(IssueStatus.Done);
                return;
        }

        // Still waiting: only now is it worth pinging the backup approvers (an approval in this same pass needs nobody).
        if (widened && _state.BackupRole != timeout.BackupRole)
        {
            _state = _state with { BackupRole = timeout.BackupRole };
            Note("backup:" + planHash, $"{Text.Mentions(ApprovalRouter.Members(timeout.BackupRole!, policies.Approvals))}{Text.Inline(timeout.Explanation)}");
        }

        if (risks.Count > 0)
        {
            Note("risk:" + planHash, "Approval is needed before I execute this plan: " + string.Join(" ", risks.Select(Text.Inline)));
        }

        switch (timeout.Outcome)
        {
            case TimeoutOutcome.ConservativeDefault:
                Note("timeout:" + planHash, Text.Inline(timeout.Explanation) + " Nothing was executed (conservative default); the plan can still be approved.");
                break;
            case TimeoutOutcome.Escalate:
                Note("timeout:" + planHash, Text.Mentions(policies.Sla.Managers) + Text.Inline(timeout.Explanation));
                Audit("coordinator", "escalated", "approval timed out", timeout.Deadline);
                EndWait();
                _state = _state with { Override = "escalated" };
                SetStatus(IssueStatus.Escalated);
                return;
        }

        SetStatus(IssueStatus.AwaitingApproval);
    }

    /// <summary>L3: the agent's plan comment is the decision brief; a human decides, the agent never acts.</summary>
    private void AwaitDecision(ResultRecord plan, Classification classification)
    {
        var planAt = _history.ResultTime(plan.Key) ?? now;
        if (_state.PlanAt is null)
        {
            _state = _state with { PlanAt = planAt, WaitingSince = planAt, PlanHash = plan.PlanHash ?? PlanHash.Compute(plan.Key) };
        }

        var requirement = ApprovalRouter.For(classification, _labels.Clients, policies.Approvals, AutonomyMode.Manual, humanRequired: true);
        var verdict = ApprovalEvaluator.Evaluate(issue, requirement, _state.PlanHash!, _state.PlanAt.Value, policies.Identity, context.Permissions, policies.Approvals, context.Teams);
        if (verdict.State != ApprovalState.Pending)
        {
            var who = verdict.State == ApprovalState.Approved ? string.Join(", ", verdict.Approvers) : verdict.RejectedBy ?? "?";
            Acknowledge(verdict.DecidingCommentId);
            Audit(who, verdict.State == ApprovalState.Approved ? "decided: go" : "decided: no", "decision support only (L3): the agent does not act", At(verdict.DecidingCommentId));
            EndWait();
            _state = _state with { Override = "decided", Summary = Text.Bound($"Decision recorded ({(verdict.State == ApprovalState.Approved ? "go" : "no go")}) by {who}; the agent only recommends at L3.", 240) };
            SetStatus(IssueStatus.Done);
            return;
        }

        _state = _state with { Approvals = "Decision support only: " + Text.Inline(requirement.Explanation) };
        SetStatus(IssueStatus.AwaitingDecision);
    }

    private void EndWait()
    {
        if (_state.WaitingSince is { } since)
        {
            _state = _state with { WaitSeconds = _state.WaitSeconds + (long)Math.Max(0, (now - since).TotalSeconds), WaitingSince = null };
        }
    }

    /// <summary>Approval transitions happen once (the issue leaves the gate), so the reaction is added once.</summary>
    private void Acknowledge(long? commentId)
    {
        if (commentId is { } id)
        {
            _extra.Add(new React(id, "+1"));
        }
    }

    private DateTimeOffset? At(long? commentId) => issue.Comments.FirstOrDefault(c => c.Id == commentId)?.CreatedAt;

    private void SetLevelLabel(AutonomyLevel level)
    {
        var label = LabelNames.AutonomyPrefix + level;
        _add.Add(label);
        foreach (var other in issue.Labels.Where(l => l.StartsWith(LabelNames.AutonomyPrefix, StringComparison.OrdinalIgnoreCase) && !string.Equals(l, label, StringComparison.OrdinalIgnoreCase)))
        {
            _remove.Add(other);
        }
    }

    /// <summary>The routing label that chose the agent (the "operation" of autonomy overrides).</summary>
    private string? OperationLabel() => _labels.Routes.FirstOrDefault(r => r.Agent == _agent).Label;
}
