using BusinessOps.Aws.Executors;
using BusinessOps.Core.Ports;
using BusinessOps.TestKit.Aws;

namespace BusinessOps.Aws.Tests.Executors;

public sealed class BatchTrackingTests
{
    [Fact]
    public async Task TrackAsync_ScriptedStatuses_ReportsFailedStuckAndPlainStates()
    {
        await using var aws = await AwsHarness.StartAsync();
        var tracked = new List<TrackedDispatch>();
        foreach (var n in new[] { 1, 2, 3, 4 })
        {
            var outcome = await aws.Executor.DispatchAsync(AwsSome.Dispatch(number: n), CancellationToken.None);
            tracked.Add(new TrackedDispatch(n, AwsSome.Dispatch(number: n).Key, outcome.Executor, outcome.ExternalId!, aws.Clock.GetUtcNow()));
        }

        var jobs = aws.Server.Jobs;
        aws.Server.SetJobStatus(jobs[0].JobId, "FAILED", "Essential container in task exited", exitCode: 137);
        aws.Server.SetJobStatus(jobs[1].JobId, "RUNNABLE");
        Assert.Equal("PENDING", aws.Server.Advance(jobs[3].JobId));
        Assert.Equal("RUNNABLE", aws.Server.Advance(jobs[3].JobId));
        aws.Server.Advance(jobs[3].JobId);
        Assert.Equal("RUNNING", aws.Server.Advance(jobs[3].JobId));
        aws.Clock.Advance(TimeSpan.FromMinutes(31));

        // Just finished: its result may still be on its way through the results queue.
        aws.Server.SetJobStatus(jobs[2].JobId, "SUCCEEDED");

        var reports = await aws.Executor.TrackAsync(tracked, CancellationToken.None);

        Assert.Equal(4, reports.Count);
        Assert.True(reports[0].Failed);
        Assert.Equal("FAILED", reports[0].State);
        Assert.Contains("Essential container in task exited", reports[0].Message, StringComparison.Ordinal);
        Assert.Contains("exit code 137", reports[0].Message, StringComparison.Ordinal);
        Assert.True(reports[1].Stuck);
        Assert.False(reports[1].Failed);
        Assert.Contains("RUNNABLE for 31 min (threshold 30 min)", reports[1].Message, StringComparison.Ordinal);
        Assert.Equal(new DispatchReport(tracked[2].Key, "SUCCEEDED", false, false, null), reports[2]);
        Assert.Equal(new DispatchReport(tracked[3].Key, "RUNNING", false, false, null), reports[3]);
    }

    [Fact]
    public async Task TrackAsync_SucceededButNoResultPastTheGrace_FailsTheAttemptNamingTheQueue()
    {
        await using var aws = await AwsHarness.StartAsync();
        var outcome = await aws.Executor.DispatchAsync(AwsSome.Dispatch(number: 5), CancellationToken.None);
        var tracked = new TrackedDispatch(5, AwsSome.Dispatch(number: 5).Key, outcome.Executor, outcome.ExternalId!, aws.Clock.GetUtcNow());
        aws.Server.SetJobStatus(aws.Server.Jobs[0].JobId, "SUCCEEDED");

        aws.Clock.Advance(BatchExecutor.ResultGrace - TimeSpan.FromSeconds(1));
        var early = Assert.Single(await aws.Executor.TrackAsync([tracked], CancellationToken.None));
        aws.Clock.Advance(TimeSpan.FromSeconds(2));
        var late = Assert.Single(await aws.Executor.TrackAsync([tracked], CancellationToken.None));

        Assert.False(early.Failed);
        Assert.True(late.Failed);
        Assert.Contains("never reached the results queue", late.Message, StringComparison.Ordinal);
        Assert.Contains("BUSINESSOPS_RESULTS_QUEUE_URL", late.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrackAsync_RunnableWithinThreshold_IsNotStuck()
    {
        await using var aws = await AwsHarness.StartAsync();
        var outcome = await aws.Executor.DispatchAsync(AwsSome.Dispatch(), CancellationToken.None);
        aws.Server.SetJobStatus(outcome.ExternalId!, "RUNNABLE");
        aws.Clock.Advance(TimeSpan.FromMinutes(29));

        var report = Assert.Single(await aws.Executor.TrackAsync([new TrackedDispatch(42, "k", "batch", outcome.ExternalId!, aws.Clock.GetUtcNow())], CancellationToken.None));

        Assert.False(report.Stuck);
    }

    [Fact]
    public async Task TrackAsync_MoreThanAHundredJobs_DescribesInChunksOfAHundred()
    {
        await using var aws = await AwsHarness.StartAsync(AwsHarness.TestOptions with { SubmitJobsPerSecond = 0 });
        var tracked = new List<TrackedDispatch>();
        for (var n = 1; n <= 150; n++)
        {
            var outcome = await aws.Executor.DispatchAsync(AwsSome.Dispatch(number: n), CancellationToken.None);
            tracked.Add(new TrackedDispatch(n, $"k{n}", "batch", outcome.ExternalId!, aws.Clock.GetUtcNow()));
        }

        var reports = await aws.Executor.TrackAsync(tracked, CancellationToken.None);

        Assert.Equal(150, reports.Count);
        Assert.Equal(2, aws.Server.CallCount("DescribeJobs"));
        Assert.All(reports, r => Assert.Equal("SUBMITTED", r.State));
    }

    [Fact]
    public async Task TrackAsync_UnknownJobAndOtherExecutors_ReportsUnknownAndIgnoresTheRest()
    {
        await using var aws = await AwsHarness.StartAsync();

        var reports = await aws.Executor.TrackAsync(
            [new TrackedDispatch(1, "a", "batch", "no-such-job", aws.Clock.GetUtcNow()), new TrackedDispatch(2, "b", "lambda", "req-1", aws.Clock.GetUtcNow())],
            CancellationToken.None);

        var report = Assert.Single(reports);
        Assert.True(report.Failed);
        Assert.Equal("UNKNOWN", report.State);
        Assert.Contains("no-such-job", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrackAsync_DescribeJobsDenied_ReportsUnavailableWithThePermissionInsteadOfThrowing()
    {
        await using var aws = await AwsHarness.StartAsync();
        aws.Server.Fail("DescribeJobs", FakeAwsFault.AccessDenied);

        var report = Assert.Single(await aws.Executor.TrackAsync([new TrackedDispatch(1, "k", "batch", "job-1", aws.Clock.GetUtcNow())], CancellationToken.None));

        Assert.Equal("UNAVAILABLE", report.State);
        Assert.False(report.Failed);
        Assert.False(report.Stuck);
        Assert.Contains("Allow batch:DescribeJobs", report.Message, StringComparison.Ordinal);
    }
}
