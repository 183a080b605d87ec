using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Time;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// The SLA clock: <c>sla/at-risk</c> at the policy fraction, <c>sla/breached</c> past the target, with one comment to
/// the managers for priorities that require one. Time waiting on a human approval is not the agent's.
/// </summary>
internal sealed partial class DecisionRun
{
    private void ApplySla()
    {
        var status = _state.Status;
        if (status == LabelNames.For(IssueStatus.Done) || _state.PriorityAt is not { } start)
        {
            return;
        }

        var wait = SlaClock.HumanWait(_state.WaitSeconds, _state.WaitingSince, now);
        var reading = SlaClock.Evaluate(_priority, start, wait, now, policies.Sla);
        switch (reading.State)
        {
            case SlaState.AtRisk:
                if (!_labels.Breached)
                {
                    _add.Add(LabelNames.SlaAtRisk);
                }

                break;
            case SlaState.Breached:
                _add.Add(LabelNames.SlaBreached);
                _remove.Add(LabelNames.SlaAtRisk);
                var managers = SlaClock.ManagersToMention(_priority, policies.Sla);
                Note(
                    $"breach:{_priority}:{start.ToUnixTimeSeconds()}",
                    $"{Text.Mentions(managers)}The {_priority} SLA of {Durations.Words(reading.Target)} is breached (elapsed {Durations.Words(reading.Elapsed)}, human waits excluded). "
                    + $"Handed to {Text.Code(AgentNames.ProjectManager)} for oversight; the work itself continues here.");
                break;
            default:
                _remove.Add(LabelNames.SlaAtRisk);
                break;
        }
    }
}
