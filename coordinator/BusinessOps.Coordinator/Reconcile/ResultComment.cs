using BusinessOps.Core.Decisions;
using BusinessOps.Core.Ports;
using BusinessOps.Core.State;

namespace BusinessOps.Coordinator.Reconcile;

/// <summary>The result comment the coordinator writes on an agent's behalf when the agent could not.</summary>
internal static class ResultComment
{
    public static string Render(DispatchAgent d, DispatchOutcome outcome, ResultRecord record)
    {
        var headline = outcome.Status == DispatchStatus.Completed
            ? $"**{d.Agent}** finished ({record.Outcome}): {Text.Inline(outcome.Result?.Summary ?? string.Empty)}"
            : $"**{d.Agent}** failed on attempt {d.Attempt}: {Text.Inline(outcome.Error ?? "unknown error")}"
              + (!outcome.Permanent ? "\n\nI will retry with backoff."
                  : record.Infrastructure ? string.Empty
                  : "\n\nThis looks like bad input; edit the issue to fix it and I will try again.");
        return headline + "\n\n" + Markers.Format(record);
    }
}
