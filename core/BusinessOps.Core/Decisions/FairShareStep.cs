using BusinessOps.Core.Labels;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// A new agent run the shell's fair-share selection held back (<see cref="DecisionContext.Hold"/>): nothing is recorded,
/// the issue waits as it is — queued, or failed with its retry due — and a later pass starts it. A client at its own
/// <c>maxConcurrent</c> gets one note saying so; a pass budget spent on other issues is said nowhere (it changes every pass).
/// </summary>
internal static class FairShareStep
{
    /// <summary>The waiting decision, or null when the run may start.</summary>
    public static Decision? Held(Decision d, DecisionInput input)
    {
        if (input.Context.Hold is not { } hold)
        {
            return null;
        }

        if (hold is { Reason: DispatchHoldReason.ClientAtLimit, Client: { } client })
        {
            d = d.Note(input, NoteKey.For("client-concurrency", client), ClientComments.AtLimit(client, hold.Limit));
        }

        return d.State.Status == IssueStatus.Failed ? d : d.WithStatus(IssueStatus.Queued);
    }
}
