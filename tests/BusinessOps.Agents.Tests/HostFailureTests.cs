using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Samples;
using BusinessOps.Core;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;
using BusinessOps.TestKit;
using Xunit;

namespace BusinessOps.Agents.Tests;

public sealed class HostFailureTests
{
    private static async Task<(InMemoryIssueStore Store, Core.Issues.IssueSnapshot Issue)> FileAsync(string body)
    {
        var store = new InMemoryIssueStore(new FakeClock());
        var issue = await store.CreateIssueAsync(new NewIssue("t", body, ["management/oversight"]), CancellationToken.None);
        return (store, issue);
    }

    [Fact]
    public async Task ProcessAsync_AgentThrowsUnexpectedly_FailedTransientWithoutDetails()
    {
        var (inner, issue) = await FileAsync(FormBody.Of(("Scope", "all")));
        var store = new FaultyIssueStore(inner) { OnList = () => new InvalidOperationException("secret internal detail") };

        var run = await AgentHost.ProcessAsync(AgentNames.ProjectManager, issue, "local/ops#1/a1/plan", "plan", store, CancellationToken.None);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal(AgentOutcome.Failed, run.Result.Outcome);
        Assert.False(run.Result.Permanent);
        Assert.DoesNotContain("secret internal detail", run.Result.Summary, StringComparison.Ordinal);
        Assert.Contains("status/failed", (await inner.GetIssueAsync(1, CancellationToken.None))!.Labels);
    }

    [Fact]
    public async Task ProcessAsync_StoreUnreadable_TransientAndNoAgentRun()
    {
        var (inner, issue) = await FileAsync(FormBody.Of(("Scope", "all")));
        var store = new FaultyIssueStore(inner) { OnGet = () => new IssueStoreException(StoreErrorKind.Transient, "database is locked") };

        var run = await AgentHost.ProcessAsync(AgentNames.ProjectManager, issue, "local/ops#1/a1/plan", "plan", store, CancellationToken.None);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("database is locked", run.Result.Summary, StringComparison.Ordinal);
        Assert.Equal(1, inner.Writes);
    }

    [Fact]
    public async Task ProcessAsync_WriteBackFails_TransientFailure()
    {
        var (inner, issue) = await FileAsync(FormBody.Of(("Scope", "all")));
        var store = new FaultyIssueStore(inner) { OnComment = () => new IssueStoreException(StoreErrorKind.RateLimited, "rate limited") };

        var run = await AgentHost.ProcessAsync(AgentNames.ProjectManager, issue, "local/ops#1/a1/plan", "plan", store, CancellationToken.None);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.False(run.WroteBack);
        Assert.StartsWith("Result computed but write-back failed", run.Result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var body = FormBody.Of(("Endpoints", SampleIssues.ClosedPortUrl));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            AgentHost.ProcessAsync(AgentNames.Operations, Agents.Issue(body), "local/ops#7/a1/plan", "plan", null, cts.Token));
    }
}
