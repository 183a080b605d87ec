using BusinessOps.Aws.Http;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Ports;
using BusinessOps.TestKit;
using BusinessOps.TestKit.Aws;
using Microsoft.Extensions.Time.Testing;

namespace BusinessOps.Aws.Tests.Http;

public sealed class ThrottlingTests
{
    [Fact]
    public async Task DispatchAsync_ThrottledTwice_BacksOffOnTheClockAndSucceeds()
    {
        await using var aws = await AwsHarness.StartAsync();
        aws.Server.Fail("SubmitJob", FakeAwsFault.Throttle, times: 2);

        var outcome = await aws.Executor.DispatchAsync(AwsSome.Dispatch(), CancellationToken.None);

        Assert.Equal(DispatchStatus.Submitted, outcome.Status);
        Assert.Equal(3, aws.Server.CallCount("SubmitJob"));
        Assert.Single(aws.Server.Jobs);
        Assert.True(aws.Clock.TotalDelayed > TimeSpan.Zero, "backoff must wait on the injected clock");
    }

    [Fact]
    public async Task DispatchAsync_ThrottledForever_GivesUpAfterMaxAttemptsAsRetryable()
    {
        await using var aws = await AwsHarness.StartAsync();
        aws.Server.Fail("Invoke", FakeAwsFault.Throttle);

        var outcome = await aws.Executor.DispatchAsync(AwsSome.Dispatch(priority: Priority.P0), CancellationToken.None);

        Assert.Equal(DispatchStatus.Failed, outcome.Status);
        Assert.False(outcome.Permanent);
        Assert.Contains("kept throttling Invoke after 3 attempts", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(3, aws.Server.CallCount("Invoke"));
    }

    [Fact]
    public void Backoff_GrowsExponentiallyWithinTheCapAndHonoursRetryAfter()
    {
        var options = AwsClientOptions.Default with { BaseBackoff = TimeSpan.FromMilliseconds(100), MaxBackoff = TimeSpan.FromSeconds(1), JitterSeed = 1 };
        var backoff = new Backoff(options);

        var delays = Enumerable.Range(1, 8).Select(a => backoff.Next(a, null)).ToList();

        Assert.All(delays.Take(3).Select((d, i) => (d, i)), x => Assert.InRange(x.d, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(100 * Math.Pow(2, x.i))));
        Assert.All(delays, d => Assert.True(d <= TimeSpan.FromSeconds(1)));
        Assert.True(delays.Distinct().Count() > 1, "jitter must spread retries");
        Assert.Equal(TimeSpan.FromSeconds(5), backoff.Next(1, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void SubmitRateLimiter_FiveHundredSimultaneousReservations_NeverMoreThanFortyInAnySecond()
    {
        var clock = new FakeTimeProvider(Some.Epoch);
        var limiter = new SubmitRateLimiter(40, clock);

        var slots = new DateTimeOffset[500];
        Parallel.For(0, slots.Length, i => slots[i] = limiter.Reserve());
        Array.Sort(slots);

        Assert.Equal(500, slots.Distinct().Count());
        Assert.Equal(40, AwsDispatchScenario.MaxInAnySecond(slots));
        Assert.Equal(TimeSpan.FromMilliseconds(25 * 499), slots[^1] - slots[0]);
    }

    [Fact]
    public async Task SubmitJob_BurstOfFiveHundredConcurrentDispatches_StaysUnderFortyPerSecondWithOneJobEach()
    {
        var result = await AwsDispatchScenario.MeasurePacingAsync(500, 40);

        Assert.Equal(500, result.JobsCreated);
        Assert.True(result.MaxPerSecond <= 40, $"max {result.MaxPerSecond} SubmitJob calls in one second");
        Assert.True(result.VirtualSpan >= TimeSpan.FromSeconds(12.4), $"500 calls at 40/s need ≥ 12.4 s, took {result.VirtualSpan}");
    }
}
