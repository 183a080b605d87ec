using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;

namespace BusinessOps.Core.Decisions;

/// <summary>Done. A deterministic sample of finished work is flagged for human review (<c>review/requested</c>).</summary>
internal static class FinishStep
{
    public static Decision Apply(Decision d, DecisionInput input, string key)
    {
        d = d.WithStatus(IssueStatus.Done);
        return ReviewSample.IsSelected(key, input.Policies.Autonomy.Risk.ReviewSampleRate) ? d.AddLabel(LabelNames.ReviewRequested) : d;
    }
}
