using BusinessOps.Core.Decisions;
using BusinessOps.Core.Labels;
using BusinessOps.TestKit;
using Xunit;

namespace BusinessOps.Core.Tests.Decisions.Steps;

public sealed class PriorityStepTests
{
    [Fact]
    public void Apply_NoLabelButFormAnswer_TheAnswerWinsAndItsLabelIsAdded()
    {
        var input = Step.Input(Some.Issue(body: "### Priority\n\nP1 - High\n\n### Request\n\nx", labels: ["dev/qa"]));

        var d = PriorityStep.Apply(Step.Start(input), input);

        Assert.Equal(Priority.P1, d.Priority);
        Assert.Equal<string>(["priority/P1"], d.Add);
        Assert.Equal((Priority.P1, Some.Epoch), (d.State.Priority, d.State.PriorityAt));
    }

    [Fact]
    public void Apply_TwoLabels_MostUrgentKeptOthersRemovedOneNote()
    {
        var input = Step.Input(Some.Issue(labels: ["dev/qa", "priority/P3", "priority/P1"]));

        var d = PriorityStep.Apply(Step.Start(input), input);

        Assert.Equal(Priority.P1, d.Priority);
        Assert.Equal<string>(["priority/P3"], d.Remove);
        Assert.Single(d.Extra);
    }

    [Fact]
    public void Apply_UnchangedPriority_StateUntouched()
    {
        var issue = Some.Issue(labels: ["dev/qa", "priority/P2"]);
        var input = Step.Input(Step.With(issue, new() { Priority = Priority.P2, PriorityAt = Some.Epoch }), now: Some.Epoch.AddHours(1));

        var start = Step.Start(input);
        var d = PriorityStep.Apply(start, input);

        Assert.Same(start.State, d.State);
        Assert.Empty(d.Add);
    }
}
