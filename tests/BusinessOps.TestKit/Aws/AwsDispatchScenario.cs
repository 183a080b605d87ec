using System.Diagnostics;
using BusinessOps.Aws;
using BusinessOps.Aws.Executors;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;

namespace BusinessOps.TestKit.Aws;

/// <summary>
/// Scenario measurements for docs/BENCHMARKS.md, callable from bench/: end-to-end dispatch latency through the real
/// executors (signing, HTTP, JSON) to the fake endpoints on loopback, and SubmitJob pacing under a concurrent burst.
/// </summary>
public static class AwsDispatchScenario
{
    /// <summary>Latency over <paramref name="count"/> sequential Lambda and Batch dispatches, then a burst of <paramref name="burst"/>.</summary>
    public static async Task<AwsScenarioResult> MeasureAsync(int count = 1000, int burst = 500, CancellationToken cancellationToken = default)
    {
        await using var server = await FakeAwsServer.StartAsync(TimeProvider.System, cancellationToken);
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };

        // Pacing off here: it is measured on its own below and would otherwise be all this measures.
        var executor = AwsExecutorFactory.Create(server.Settings, server.Credentials, DispatchPolicy.Default, TimeProvider.System, AwsClientOptions.Default with { SubmitJobsPerSecond = 0 }, http);
        var lambda = await LatenciesAsync(executor, count, Priority.P0, cancellationToken);
        var batch = await LatenciesAsync(executor, count, Priority.P2, cancellationToken);
        var pacing = await MeasurePacingAsync(burst, AwsClientOptions.Default.SubmitJobsPerSecond, cancellationToken);
        return new AwsScenarioResult(count, Percentile(lambda, 0.50), Percentile(lambda, 0.95), Percentile(batch, 0.50), Percentile(batch, 0.95), pacing);
    }

    /// <summary>
    /// Starts <paramref name="burst"/> Batch dispatches at once on a manual clock, then releases them slot by slot:
    /// after each step of 1/<paramref name="perSecond"/> s it waits (event-driven) for the calls now due, so every call's
    /// arrival is stamped with the virtual time at which the client let it go.
    /// </summary>
    public static async Task<AwsPacingResult> MeasurePacingAsync(int burst, double perSecond, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var clock = new ArmedTimersClock();
        await using var server = await FakeAwsServer.StartAsync(clock, cancellationToken);
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var executor = AwsExecutorFactory.Create(server.Settings, server.Credentials, DispatchPolicy.Default, clock, AwsClientOptions.Default with { SubmitJobsPerSecond = perSecond }, http);
        var dispatches = Enumerable.Range(1, burst).Select(i => Task.Run(() => executor.DispatchAsync(AwsSome.Dispatch(number: i, priority: Priority.P2), cancellationToken), cancellationToken)).ToArray();
        var all = Task.WhenAll(dispatches);
        var safety = TimeSpan.FromSeconds(60); // only reached when pacing is broken; a correct run never waits on it

        await server.WhenCallCountAsync("ListJobs", burst).WaitAsync(safety, cancellationToken);
        await clock.WhenTimersArmedAsync(burst - 1).WaitAsync(safety, cancellationToken);
        await server.WhenCallCountAsync("SubmitJob", 1).WaitAsync(safety, cancellationToken);
        var step = TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / perSecond));
        for (var released = 2; released <= burst; released++)
        {
            clock.Advance(step);
            await Task.WhenAny(server.WhenCallCountAsync("SubmitJob", released), all).WaitAsync(safety, cancellationToken);
        }

        await all.WaitAsync(safety, cancellationToken);
        var times = server.Calls.Where(c => c.Operation == "SubmitJob").Select(c => c.At).Order().ToList();
        return new AwsPacingResult(burst, server.Jobs.Count, MaxInAnySecond(times), times.Count > 0 ? times[^1] - times[0] : TimeSpan.Zero, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>The largest number of instants inside any half-open one-second window.</summary>
    public static int MaxInAnySecond(IReadOnlyList<DateTimeOffset> sorted)
    {
        var best = 0;
        var start = 0;
        for (var end = 0; end < sorted.Count; end++)
        {
            while (sorted[end] - sorted[start] >= TimeSpan.FromSeconds(1))
            {
                start++;
            }

            best = Math.Max(best, end - start + 1);
        }

        return best;
    }

    private static async Task<List<double>> LatenciesAsync(CloudExecutor executor, int count, Priority priority, CancellationToken cancellationToken)
    {
        var samples = new List<double>(count);
        for (var i = 0; i < count + 20; i++)
        {
            var request = AwsSome.Dispatch(number: 100_000 + i, priority: priority, attempt: (int)priority + 1);
            var started = Stopwatch.GetTimestamp();
            var outcome = await executor.DispatchAsync(request, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (outcome.Status != DispatchStatus.Submitted)
            {
                throw new InvalidOperationException($"dispatch failed during the scenario: {outcome.Error}");
            }

            if (i >= 20)
            {
                samples.Add(elapsed); // the first 20 warm up JIT, connections and the fake
            }
        }

        return samples;
    }

    private static double Percentile(List<double> samples, double p)
    {
        var sorted = samples.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
