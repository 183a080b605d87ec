using BusinessOps.Coordinator.Tests.GitHub.Scenarios;
using BusinessOps.Core.State;
using Xunit;
using Xunit.Abstractions;

namespace BusinessOps.Coordinator.Tests.Results;

/// <summary>
/// Issue 10, defect 1: agents on AWS hold no GitHub credential; their results come back through the SQS results queue
/// and count only because the coordinator writes them as itself.
/// </summary>
public sealed class AwsResultsEndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RunOnce_P0OnLambdaAndP2OnBatch_SettledFromTheQueueByTheCoordinatorsIdentityOnly()
    {
        await using var h = await AwsResultsHarness.StartAsync();
        var p0 = h.File("ai-security-agent", "priority/P0");
        var p2 = h.File("ai-analytics-agent", "priority/P2");

        var first = await h.RunAsync((results, reconciler, _, _) => results.RunOnceAsync(reconciler, CancellationToken.None));
        await h.RunBatchJobsAsync();
        await h.Aws.FunctionsIdleAsync();
        var before = h.GitHub.Server.Requests.Count;
        var sqsBefore = h.Aws.Calls.Count(c => c.Service == "sqs");
        var second = await h.RunAsync((results, reconciler, _, _) => results.RunOnceAsync(reconciler, CancellationToken.None));
        output.WriteLine($"recording 2 results and settling: GitHub {RequestBreakdown.Of([.. h.GitHub.Server.Requests.Skip(before)])}; SQS calls {h.Aws.Calls.Count(c => c.Service == "sqs") - sqsBefore}");
        var idle = await h.RunAsync((results, reconciler, _, _) => results.RunOnceAsync(reconciler, CancellationToken.None));

        Assert.Equal((2, 0), (first.Dispatched, first.Failed));
        Assert.Single(h.Aws.Invocations);
        Assert.Single(h.Aws.Jobs);
        Assert.Equal(0, second.Failed);
        Assert.Equal(0, idle.Writes);
        Assert.Empty(h.Aws.Messages(AwsResultsHarness.Queue));
        foreach (var number in new[] { p0, p2 })
        {
            var issue = h.GitHub.Server.GetIssue(number)!;
            var results = issue.Comments.Where(c => Markers.Has(c.Body, Markers.ResultKind)).ToList();
            Assert.Equal(h.GitHub.Server.Login, Assert.Single(results).Author);
            Assert.All(issue.Comments, c => Assert.Equal(h.GitHub.Server.Login, c.Author));
            Assert.DoesNotContain("status/in-progress", issue.Labels);
            Assert.Contains(issue.Labels, l => l is "status/done" or "status/awaiting-approval" or "status/awaiting-decision");
        }
    }

    [Fact]
    public async Task Event_P0ToLambda_SettlesInTheSameRun()
    {
        await using var h = await AwsResultsHarness.StartAsync();
        var p0 = h.File("ai-security-agent", "priority/P0");

        var pass = await h.RunAsync(async (results, reconciler, watch, store) =>
            await results.ReconcileEventAsync(reconciler, watch, (await store.GetIssueAsync(p0, CancellationToken.None))!, [], CancellationToken.None));

        var issue = h.GitHub.Server.GetIssue(p0)!;
        Assert.Equal((1, 0), (pass.Dispatched, pass.Failed));
        Assert.Single(issue.Comments, c => Markers.Has(c.Body, Markers.ResultKind) && c.Author == h.GitHub.Server.Login);
        Assert.DoesNotContain("status/in-progress", issue.Labels);
    }

    [Fact]
    public async Task Drain_SameResultDeliveredTwice_RecordedOnceAndTheCopyDeleted()
    {
        await using var h = await AwsResultsHarness.StartAsync();
        var p0 = h.File("ai-security-agent", "priority/P0");
        await h.RunAsync((results, reconciler, _, _) => results.RunOnceAsync(reconciler, CancellationToken.None));
        await h.Aws.FunctionsIdleAsync();
        var record = h.Aws.Messages(AwsResultsHarness.Queue).Single().Body;
        await h.RunAsync((results, reconciler, _, _) => results.RunOnceAsync(reconciler, CancellationToken.None));

        h.Aws.Enqueue(AwsResultsHarness.Queue, record);
        var again = await h.RunAsync((results, reconciler, _, _) => results.RunOnceAsync(reconciler, CancellationToken.None));

        Assert.Equal(0, again.Writes);
        Assert.Single(h.GitHub.Server.GetIssue(p0)!.Comments, c => Markers.Has(c.Body, Markers.ResultKind));
        Assert.Empty(h.Aws.Messages(AwsResultsHarness.Queue));
    }

    [Fact]
    public async Task Drain_LambdaEventExpired_FailsTheAttemptAtOnceAndRetriesWithANewKey()
    {
        await using var h = await AwsResultsHarness.StartAsync();
        h.Aws.FunctionHandler = _ => Task.FromResult(TestKit.Aws.FakeLambdaOutcome.Expire());
        var p0 = h.File("ai-security-agent", "priority/P0");
        await h.RunAsync((results, reconciler, _, _) => results.RunOnceAsync(reconciler, CancellationToken.None));
        await h.Aws.FunctionsIdleAsync();

        await h.RunAsync((results, reconciler, _, _) => results.RunOnceAsync(reconciler, CancellationToken.None));

        var issue = h.GitHub.Server.GetIssue(p0)!;
        var failure = Assert.Single(issue.Comments, c => Markers.Has(c.Body, Markers.ResultKind));
        Assert.Contains("expired", failure.Body, StringComparison.Ordinal);
        Assert.Equal(h.GitHub.Server.Login, failure.Author);
        Assert.DoesNotContain("status/in-progress", issue.Labels);
        Assert.Empty(h.Aws.Messages(AwsResultsHarness.Queue));
    }

    [Fact]
    public async Task Drain_ResultForAnIssueThatDoesNotExist_DroppedAndDeleted()
    {
        await using var h = await AwsResultsHarness.StartAsync();
        h.Aws.Enqueue(AwsResultsHarness.Queue, """{"agent":"ai-qa-agent","issue":404,"key":"acme/ops#404/a1/plan","outcome":"completed","summary":"done"}""");

        var pass = await h.RunAsync((results, reconciler, _, _) => results.RunOnceAsync(reconciler, CancellationToken.None));

        Assert.Equal((0, 0), (pass.Writes, pass.Failed));
        Assert.Empty(h.Aws.Messages(AwsResultsHarness.Queue));
    }

    [Fact]
    public async Task Drain_MessageThatIsNoResult_LeftForTheDeadLetterQueue()
    {
        await using var h = await AwsResultsHarness.StartAsync();
        h.Aws.Enqueue(AwsResultsHarness.Queue, "hello");

        var pass = await h.RunAsync((results, reconciler, _, _) => results.RunOnceAsync(reconciler, CancellationToken.None));

        Assert.Equal(0, pass.Writes);
        Assert.Equal(1, Assert.Single(h.Aws.Messages(AwsResultsHarness.Queue)).ReceiveCount);
    }
}
