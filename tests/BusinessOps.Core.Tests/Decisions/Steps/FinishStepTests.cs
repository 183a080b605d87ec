using BusinessOps.Core.Decisions;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.State;
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

    [Fact]
    public void Apply_Finishing_RecordsTheDraw()
    {
        var input = Step.Input(Some.Issue(labels: ["dev/qa"]), policies: Rate(1));

        var d = FinishStep.Apply(Step.Start(input), input, "acme/ops#7/a2/execute");

        Assert.Equal((IssueStatus.Done, true), (d.State.Status, d.State.Review));
        Assert.Contains(LabelNames.ReviewRequested, d.Add);
    }

    [Fact]
    public void Apply_AlreadyDone_KeepsTheRecordedDrawOrTheDrawOnItsKey()
    {
        // Work finished before draws were recorded keeps the draw it got (on its whole key): an upgrade relabels nothing.
        var key = Enumerable.Range(1, 200).Select(n => $"acme/ops#{n}/a2/execute").First(k => ReviewSample.IsSelected(k, 0.5) != ReviewSample.IsSelected(Work(k), 0.5));
        var legacy = Step.Input(Step.With(Some.Issue(labels: ["dev/qa"]), new OpsState { Status = IssueStatus.Done, Key = key, SettledKey = key }), policies: Rate(0.5));
        var recorded = Step.Input(Step.With(Some.Issue(labels: ["dev/qa"]), new OpsState { Status = IssueStatus.Done, Key = key, SettledKey = key, Review = false }), policies: Rate(1));

        var fromKey = FinishStep.Apply(Step.Start(legacy), legacy, key);
        var fromRecord = FinishStep.Apply(Step.Start(recorded), recorded, key);

        Assert.Equal(ReviewSample.IsSelected(key, 0.5), fromKey.Add.Contains(LabelNames.ReviewRequested));
        Assert.Null(fromKey.State.Review);
        Assert.DoesNotContain(LabelNames.ReviewRequested, fromRecord.Add);
    }

    private static PolicySet Rate(double rate) => Step.Policies with { Autonomy = Step.Policies.Autonomy with { Risk = Step.Policies.Autonomy.Risk with { ReviewSampleRate = rate } } };

    private static string Work(string key) => key.Replace("/a2/", "/", StringComparison.Ordinal);

    private static bool Sampled(DecisionInput input, string key)
    {
        var d = FinishStep.Apply(Step.Start(input), input, key);
        return d.State.Status == IssueStatus.Done && d.Add.Contains(LabelNames.ReviewRequested);
    }
}
