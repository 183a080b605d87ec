using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Samples;
using BusinessOps.Agents.Sdk;
using BusinessOps.Core;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;
using BusinessOps.TestKit;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace BusinessOps.Agents.Tests;

public sealed class HostFailureTests
{
    private const string Key = "local/ops#1/a1/plan";

    /// <summary>An agent with a bug: throws something that is not bad input.</summary>
    private sealed class BrokenAgent : IAgent
    {
        public string Name => AgentNames.ProjectManager;

        public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("secret internal detail");
    }

    [Fact]
    public async Task ProcessAsync_AgentThrowsUnexpectedly_FailedTransientWithoutDetails()
    {
        var run = await AgentHost.ProcessAsync(new BrokenAgent(), Agents.Issue(FormBody.Of(("Scope", "all"))), Key, "plan", null, CancellationToken.None);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal(AgentOutcome.Failed, run.Result.Outcome);
        Assert.False(run.Result.Permanent);
        Assert.DoesNotContain("secret internal detail", run.Result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteBackAsync_CommentFails_TransientFailure()
    {
        var inner = new InMemoryIssueStore(new FakeTimeProvider(Some.Epoch));
        await inner.CreateIssueAsync(new NewIssue("t", "### Scope\n\nall", ["management/oversight"]), CancellationToken.None);
        var store = new FaultyIssueStore(inner) { OnComment = () => new IssueStoreException(StoreErrorKind.RateLimited, "rate limited") };
        var run = await Agents.RunAsync(AgentNames.ProjectManager, FormBody.Of(("Scope", "all")), number: 1);

        var written = await StandaloneStore.WriteBackAsync(store, run, CancellationToken.None);

        Assert.Equal(ExitCodes.Failure, written.ExitCode);
        Assert.StartsWith("Result computed but write-back failed", written.Result.Summary, StringComparison.Ordinal);
        Assert.Empty((await inner.GetIssueAsync(1, CancellationToken.None))!.Comments);
    }

    [Fact]
    public async Task WriteBackAsync_ForgedMarkerByStranger_StillWritesOurs()
    {
        var store = new InMemoryIssueStore(new FakeTimeProvider(Some.Epoch));
        await store.CreateIssueAsync(new NewIssue("t", "### Scope\n\nall", ["management/oversight"]), CancellationToken.None);
        store.AddCommentAs(1, "mallory", Core.State.Markers.Format(new Core.State.ResultRecord("local/ops#1/a1/plan", AgentNames.ProjectManager, AgentOutcome.Completed, 1, 0)));
        var run = await Agents.RunAsync(AgentNames.ProjectManager, FormBody.Of(("Scope", "all")), number: 1);

        await StandaloneStore.WriteBackAsync(store, run, CancellationToken.None);

        Assert.Equal(2, (await store.GetIssueAsync(1, CancellationToken.None))!.Comments.Count);
    }

    [Fact]
    public async Task ProcessAsync_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var body = FormBody.Of(("Endpoints", SampleIssues.ClosedPortUrl));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            AgentHost.ProcessAsync(Agents.Of(AgentNames.Operations), Agents.Issue(body), "local/ops#7/a1/plan", "plan", null, cts.Token));
    }
}
