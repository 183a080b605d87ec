using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// Done. A deterministic sample of finished work is flagged for human review (<c>review/requested</c>). The sample is drawn
/// on the work (issue and phase), not on the attempt: a crash that cost an attempt does not change whether the work is
/// reviewed (found by the crash-injection harness, issue 9).
/// </summary>
internal static class FinishStep
{
    public static Decision Apply(Decision d, DecisionInput input, string key)
    {
        d = d.WithStatus(IssueStatus.Done);
        return ReviewSample.IsSelected(Work(key), input.Policies.Autonomy.Risk.ReviewSampleRate) ? d.AddLabel(LabelNames.ReviewRequested) : d;
    }

    /// <summary><c>{owner}/{repo}#{issue}/{phase}</c>: the key without its attempt.</summary>
    private static string Work(string key) => Results.IdempotencyKey.TryParse(key, out var parsed) ? $"{parsed.Repository}#{parsed.Issue}/{parsed.Phase}" : key;
}
