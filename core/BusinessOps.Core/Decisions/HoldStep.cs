using BusinessOps.Core.Labels;
using BusinessOps.Core.State;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// Step 3: an issue on hold (<c>/hold</c> or the <c>status/on-hold</c> label) stays there, and a human's terminal choice
/// (cancelled, escalated, rejected, decided) holds until <c>/retry</c>. Either settles the issue for this pass.
/// </summary>
internal static class HoldStep
{
    public static Decision Apply(Decision d, DecisionInput input)
    {
        if (d.Hold ?? input.Labels.OnHold)
        {
            return d.WithStatus(IssueStatus.OnHold) with { Final = true };
        }

        if (d.State.Override is { } chosen && !d.Retry)
        {
            return d.WithStatus(chosen == Override.Escalated ? IssueStatus.Escalated : IssueStatus.Done) with { Final = true };
        }

        return d;
    }
}
