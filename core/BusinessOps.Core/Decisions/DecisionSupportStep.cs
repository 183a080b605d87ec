using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.State;

namespace BusinessOps.Core.Decisions;

/// <summary>L3: the agent's plan comment is the decision brief; a human decides (<c>/approve</c> or <c>/reject</c>), the agent never acts.</summary>
internal static class DecisionSupportStep
{
    public static Decision Apply(Decision d, DecisionInput input, ResultRecord plan)
    {
        var policies = input.Policies;
        var requirement = ApprovalRouter.For(PlanClassification.Of(plan, policies.Connectors), input.Issue.Labels, policies.Approvals, AutonomyMode.Manual, humanRequired: true);
        if (Approvers.Missing(requirement, input) is { } needs)
        {
            return d with { Needs = needs };
        }

        var state = d.State;
        var verdict = ApprovalEvaluator.Evaluate(input.Issue, requirement, state.PlanHash ?? PlanHash.Compute(plan.Key), state.PlanAt ?? input.Now, policies.Identity, input.Context.Permissions, policies.Approvals, input.Context.Teams);
        if (verdict.NeedsPermissionLookup.Count > 0)
        {
            return d with { Needs = new GatherFacts(verdict.NeedsPermissionLookup) };
        }

        if (verdict.State != ApprovalState.Pending)
        {
            var go = verdict.State == ApprovalState.Approved;
            var who = go ? string.Join(", ", verdict.Approvers) : verdict.RejectedBy ?? "?";
            d = Approvers.Acknowledge(d, verdict.DecidingCommentId)
                .Audit(input, who, go ? "decided: go" : "decided: no", "decision support only (L3): the agent does not act", Approvers.At(input, verdict.DecidingCommentId))
                .EndWait(input.Now);
            var summary = Text.Bound($"Decision recorded ({(go ? "go" : "no go")}) by {who}; the agent only recommends at L3.", 240);
            return d with { State = d.State with { Override = Override.Decided, Summary = summary, Status = IssueStatus.Done } };
        }

        var approvals = "Decision support only: " + Text.Inline(requirement.Explanation);
        d = d.State.Approvals == approvals ? d : d with { State = d.State with { Approvals = approvals } };
        return d.WithStatus(IssueStatus.AwaitingDecision);
    }
}
