using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Time;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// Step 5, the SLA clock: <c>sla/at-risk</c> at the policy fraction, <c>sla/breached</c> past the target, with one comment
/// to the managers for priorities that require one. Time waiting on a human approval is not the agent's.
/// </summary>
internal static class SlaStep
{
    public static Decision Apply(Decision d, DecisionInput input)
    {
        var state = d.State;
        if (state.Status == IssueStatus.Done || state.PriorityAt is not { } start)
        {
            return d;
        }

        var now = input.Now;
        var sla = input.Policies.Sla;
        var priority = d.Priority;
        var reading = SlaClock.Evaluate(priority, start, SlaClock.HumanWait(state.WaitSeconds, state.WaitingSince, now), now, sla);
        switch (reading.State)
        {
            case SlaState.AtRisk:
                return input.Labels.Breached || input.Issue.HasLabel(LabelNames.SlaAtRisk) ? d : d.AddLabel(LabelNames.SlaAtRisk);
            case SlaState.Breached:
                d = d.AddLabel(LabelNames.SlaBreached).RemoveLabel(LabelNames.SlaAtRisk);
                var mentions = Text.Mentions(SlaClock.ManagersToMention(priority, sla));
                var (target, elapsed) = (Durations.Words(reading.Target), Durations.Words(reading.Elapsed));
                return d.Note(
                    input,
                    $"breach:{priority}:{start.ToUnixTimeSeconds()}",
                    DispatchComments.SlaBreached(mentions, priority.ToString(), target, elapsed, Labels.AgentNames.ProjectManager));
            default:
                return input.Issue.HasLabel(LabelNames.SlaAtRisk) ? d.RemoveLabel(LabelNames.SlaAtRisk) : d;
        }
    }
}
