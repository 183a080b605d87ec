using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Samples;
using BusinessOps.Core;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;
using BusinessOps.TestKit;
using Xunit;

namespace BusinessOps.Agents.Tests;

public sealed class WriteBackTests
{
    private const string Key = "local/ops#1/a1/plan";

    private static async Task<(InMemoryIssueStore Store, Core.Issues.IssueSnapshot Issue)> FileAsync(string body, params string[] labels)
    {
        var store = new InMemoryIssueStore(new FakeClock());
        store.Actor = "alice";
        var issue = await store.CreateIssueAsync(new NewIssue("Invoice", body, labels), CancellationToken.None);
        store.Actor = store.Identity;
        return (store, issue);
    }

    private static string ValidInvoice => SampleIssues.Build(new DateOnly(2026, 11, 2)).First(s => s.Agent == AgentNames.Finance).Body;

    [Fact]
    public async Task ProcessAsync_WithStore_OneResultCommentAndDoneLabel()
    {
        var (store, issue) = await FileAsync(ValidInvoice, "finance/analysis", "status/in-progress");
        var before = store.Writes;

        var run = await AgentHost.ProcessAsync(AgentNames.Finance, issue, Key, "plan", store, CancellationToken.None);
        var after = (await store.GetIssueAsync(1, CancellationToken.None))!;

        Assert.True(run.WroteBack);
        Assert.Equal(2, store.Writes - before);
        var comment = Assert.Single(after.Comments);
        Assert.Equal(store.Identity, comment.Author);
        Assert.True(Markers.TryParseResult(comment.Body, out var record));
        Assert.Equal(Key, record!.Key);
        Assert.Equal(AgentOutcome.Completed, record.Outcome);
        Assert.Contains("status/done", after.Labels);
        Assert.DoesNotContain("status/in-progress", after.Labels);
        Assert.Contains("finance/analysis", after.Labels);
    }

    [Fact]
    public async Task ProcessAsync_SameKeyTwice_SecondRunMakesZeroWrites()
    {
        var (store, issue) = await FileAsync(ValidInvoice, "finance/analysis");
        var first = await AgentHost.ProcessAsync(AgentNames.Finance, issue, Key, "plan", store, CancellationToken.None);
        var writes = store.Writes;

        var second = await AgentHost.ProcessAsync(AgentNames.Finance, issue, Key, "plan", store, CancellationToken.None);

        Assert.Equal(writes, store.Writes);
        Assert.False(second.WroteBack);
        Assert.Equal(ExitCodes.Ok, second.ExitCode);
        Assert.Equal(first.Result.Outcome, second.Result.Outcome);
        Assert.Equal(first.Result.CostUsd, second.Result.CostUsd);
        Assert.Contains("Already processed", second.Result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_ForgedMarkerByStranger_Ignored()
    {
        var (store, issue) = await FileAsync(ValidInvoice, "finance/analysis");
        var forged = Markers.Format(new ResultRecord(Key, AgentNames.Finance, AgentOutcome.Completed, 1, 0));
        store.AddCommentAs(1, "mallory", forged);

        var run = await AgentHost.ProcessAsync(AgentNames.Finance, issue, Key, "plan", store, CancellationToken.None);

        Assert.True(run.WroteBack);
        Assert.Equal(2, (await store.GetIssueAsync(1, CancellationToken.None))!.Comments.Count);
    }

    [Fact]
    public async Task ProcessAsync_BadInput_NeedsTriageAndCommentNamesField()
    {
        var body = ValidInvoice.Replace("### Total", "### Totally", StringComparison.Ordinal);
        var (store, issue) = await FileAsync(body, "finance/analysis", "status/queued");

        var run = await AgentHost.ProcessAsync(AgentNames.Finance, issue, Key, "plan", store, CancellationToken.None);
        var after = (await store.GetIssueAsync(1, CancellationToken.None))!;

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(["finance/analysis", "status/needs-triage"], after.Labels);
        Assert.Contains("Field `Total` is required", after.Comments[0].Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AgentOutcome.NeedsApproval, false, "status/awaiting-approval")]
    [InlineData(AgentOutcome.NeedsDecision, false, "status/awaiting-decision")]
    [InlineData(AgentOutcome.Failed, false, "status/failed")]
    [InlineData(AgentOutcome.Failed, true, "status/needs-triage")]
    public void StatusLabelFor_Outcome_MapsToLabel(AgentOutcome outcome, bool permanent, string label)
    {
        var result = new AgentResult { Agent = "a", Issue = 1, Key = Key, Outcome = outcome, Summary = "s", Permanent = permanent };

        Assert.Equal(label, WriteBack.StatusLabelFor(result));
    }

    [Fact]
    public async Task ProcessAsync_StoreWithoutIssue_PrintsResultWithoutWrites()
    {
        var store = new InMemoryIssueStore(new FakeClock());

        var run = await AgentHost.ProcessAsync(AgentNames.Finance, Agents.Issue(ValidInvoice, number: 42), Key, "plan", store, CancellationToken.None);

        Assert.False(run.WroteBack);
        Assert.Equal(0, store.Writes);
        Assert.Equal(AgentOutcome.Completed, run.Result.Outcome);
    }

    [Fact]
    public async Task ProcessAsync_UnknownAgent_BadInput()
    {
        var run = await AgentHost.ProcessAsync("ai-astrologer-agent", Agents.Issue("x"), Key, "plan", null, CancellationToken.None);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
    }

    [Fact]
    public async Task ProcessAsync_ShortAgentName_Normalized()
    {
        var run = await AgentHost.ProcessAsync("security", Agents.Issue(FormBody.Of(("Content", "nothing here"))), Key, "plan", null, CancellationToken.None);

        Assert.Equal(AgentNames.Security, run.Result.Agent);
        Assert.Equal(100, run.Num("score"));
    }
}
