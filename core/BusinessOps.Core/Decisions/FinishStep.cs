using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// Done. A deterministic sample of finished work is flagged for human review (<c>review/requested</c>). The sample is drawn
/// on the work (issue and phase), not on the attempt: a crash that cost an attempt does not change whether the work is
/// reviewed (found by the crash-injection harness, issue 9). The draw is recorded in the state when the work finishes.
/// </summary>
internal static class FinishStep
{
    public static Decision Apply(Decision d, DecisionInput input, string key)
    {
        var rate = input.Policies.Autonomy.Risk.ReviewSampleRate;
        if (d.State.Status == IssueStatus.Done)
        {
            // Finished before: the recorded draw, or for work finished before draws were recorded the draw it got then
            // (on the whole key), so an upgrade relabels nothing.
            return (d.State.Review ?? ReviewSample.IsSelected(key, rate)) ? d.AddLabel(LabelNames.ReviewRequested) : d;
        }

        var picked = ReviewSample.IsSelected(Work(key), rate);
        d = d.WithStatus(IssueStatus.Done);
        d = d with { State = d.State with { Review = picked } };
        return picked ? d.AddLabel(LabelNames.ReviewRequested) : d;
    }

    /// <summary><c>{owner}/{repo}#{issue}/{phase}</c>: the key without its attempt.</summary>
    private static string Work(string key) => Results.IdempotencyKey.TryParse(key, out var parsed) ? $"{parsed.Repository}#{parsed.Issue}/{parsed.Phase}" : key;
}
