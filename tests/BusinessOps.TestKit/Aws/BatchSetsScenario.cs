using System.Diagnostics;
using BusinessOps.Aws;
using BusinessOps.Aws.Batch;
using BusinessOps.Aws.Executors;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;

namespace BusinessOps.TestKit.Aws;

/// <summary>
/// Scenario for docs/BENCHMARKS.md: a burst of queued issues of one agent and client dispatched to the fake Batch, one job
/// per issue against sets of <c>maxIssues</c>; each job then "runs" <c>perIssue</c> per issue it carries (virtual clock),
/// and the cost per issue is estimated from DescribeJobs (<see cref="BatchCostEstimate"/>, Fargate prices).
/// </summary>
public static class BatchSetsScenario
{
    public static async Task<BatchSetsScenarioResult> MeasureAsync(int issues, int maxIssues, TimeSpan perIssue, CancellationToken cancellationToken = default)
    {
        var onePerIssue = await RunAsync(issues, BatchSets.None, perIssue, cancellationToken);
        var sets = await RunAsync(issues, new BatchSets(maxIssues, TimeSpan.Zero), perIssue, cancellationToken);
        return new BatchSetsScenarioResult(issues, maxIssues, perIssue, onePerIssue, sets);
    }

    private static async Task<BatchSetsModeResult> RunAsync(int issues, BatchSets sets, TimeSpan perIssue, CancellationToken cancellationToken)
    {
        var clock = new AutoAdvanceClock();
        await using var server = await FakeAwsServer.StartAsync(clock, cancellationToken);
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var policy = DispatchPolicy.Default with
        {
            Targets = DispatchPolicy.Default.Targets.ToDictionary(t => t.Key, t => t.Value.Executor == ExecutorKind.Batch ? t.Value with { Sets = sets } : t.Value),
        };
        var options = AwsClientOptions.Default with { SubmitJobsPerSecond = 0 };
        var executor = AwsExecutorFactory.Create(server.Settings, server.Credentials, policy, clock, options, http);
        var requests = Enumerable.Range(1, issues).Select(n => AwsSome.Dispatch(number: n, priority: Priority.P2, agent: "ai-support-agent")).ToList();

        var watch = Stopwatch.StartNew();
        await executor.PrepareAsync(requests, cancellationToken);
        foreach (var request in requests)
        {
            var outcome = await executor.DispatchAsync(request, cancellationToken);
            if (outcome.Status != DispatchStatus.Submitted)
            {
                throw new InvalidOperationException($"dispatch failed during the scenario: {outcome.Error}");
            }
        }

        watch.Stop();
        var calls = server.Calls.Count;
        var start = clock.GetUtcNow();
        var batch = AwsExecutorFactory.CreateBatchClient(server.Settings, server.Credentials, clock, options, http);
        var described = new List<JobDetail>();
        foreach (var chunk in server.Jobs.Chunk(BatchClient.DescribeBatchSize))
        {
            foreach (var job in chunk)
            {
                var carried = job.Request["containerOverrides"]!["environment"]!.AsArray()
                    .Where(e => (string?)e!["name"] == "BUSINESSOPS_KEYS").Select(e => ((string)e!["value"]!).Split(' ').Length).FirstOrDefault(1);
                server.FinishJob(job.JobId, "SUCCEEDED", start, start + (perIssue * carried));
            }

            described.AddRange(await batch.DescribeJobsAsync([.. chunk.Select(j => j.JobId)], cancellationToken));
        }

        return new BatchSetsModeResult(server.Jobs.Count, calls, watch.Elapsed, BatchCostEstimate.From(described));
    }
}
