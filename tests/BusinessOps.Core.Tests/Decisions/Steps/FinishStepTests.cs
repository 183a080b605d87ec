using BusinessOps.Core.Decisions;
using BusinessOps.Core.Labels;
using BusinessOps.TestKit;
using Xunit;

namespace BusinessOps.Core.Tests.Decisions.Steps;

/// <summary>Done, and the review sample drawn on the work, not the attempt (found by the crash-injection harness).</summary>
public sealed class FinishStepTests
{
    [Fact]
    public void Apply_SameWorkFinishedOnALaterAttempt_SameReviewSample()
    {
        var policies = Step.Policies with { Autonomy = Step.Policies.Autonomy with { Risk = Step.Policies.Autonomy.Risk with { ReviewSampleRate = 0.5 } } };
        var input = Step.Input(Some.Issue(labels: ["dev/qa"]), policies: policies);
        var sampled = Enumerable.Range(1, 40).Where(issue => Sampled(input, $"acme/ops#{issue}/a1/plan")).ToList();

        // Some work is in the sample and some is not, and a retry (a2, a3) never changes which.
        Assert.InRange(sampled.Count, 1, 39);
        foreach (var issue in Enumerable.Range(1, 40))
        {
            var first = Sampled(input, $"acme/ops#{issue}/a1/plan");
            Assert.Equal(first, Sampled(input, $"acme/ops#{issue}/a2/plan"));
            Assert.Equal(first, Sampled(input, $"acme/ops#{issue}/a3/plan"));
        }
    }

    private static bool Sampled(DecisionInput input, string key)
    {
        var d = FinishStep.Apply(Step.Start(input), input, key);
        return d.State.Status == IssueStatus.Done && d.Add.Contains(LabelNames.ReviewRequested);
    }
}
