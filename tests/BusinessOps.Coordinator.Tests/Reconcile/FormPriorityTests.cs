using Xunit;

namespace BusinessOps.Coordinator.Tests.Reconcile;

/// <summary>The Priority dropdown of every issue form (issue 10, defect 2) sets the priority label when the issue has none.</summary>
public sealed class FormPriorityTests
{
    [Theory]
    [InlineData("P0", "priority/P0")]
    [InlineData("P1", "priority/P1")]
    [InlineData("P1 - High", "priority/P1")]
    [InlineData("p3", "priority/P3")]
    [InlineData("_No response_", "priority/P2")]
    [InlineData("urgent", "priority/P2")]
    public async Task RunOnce_FormPriorityAnswerWithoutLabel_SetsThePriorityLabel(string answer, string expected)
    {
        var s = new Shell();
        var n = await s.FileAsync("[QA] release 2.4", $"### Priority\n\n{answer}\n\n### Test results\n\n<xml/>", "dev/qa");

        await s.PassAsync();

        var labels = (await s.IssueAsync(n)).Labels;
        Assert.Single(labels, l => l.StartsWith("priority/", StringComparison.Ordinal));
        Assert.Contains(expected, labels);
    }

    [Fact]
    public async Task RunOnce_PriorityLabelAndFormAnswer_TheLabelWins()
    {
        var s = new Shell();
        var n = await s.FileAsync("[QA] release 2.4", "### Priority\n\nP0\n\n### Test results\n\n<xml/>", "dev/qa", "priority/P3");

        await s.PassAsync();

        Assert.Contains("priority/P3", (await s.IssueAsync(n)).Labels);
        Assert.DoesNotContain("priority/P0", (await s.IssueAsync(n)).Labels);
    }
}
