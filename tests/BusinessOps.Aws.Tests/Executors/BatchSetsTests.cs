using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using BusinessOps.Aws.Batch;
using BusinessOps.Aws.Executors;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.TestKit.Aws;

namespace BusinessOps.Aws.Tests.Executors;

/// <summary>Several queued issues of one agent and client in one Batch job, against the fake Batch on loopback.</summary>
public sealed class BatchSetsTests
{
    [Fact]
    public async Task PrepareAsync_BurstOf25_ThreeJobsEachIssueWithItsOwnKeyAndData()
    {
        await using var aws = await AwsHarness.StartAsync(policy: Policy(new BatchSets(10, TimeSpan.Zero)));
        var requests = Burst(1, 25);

        var outcomes = await DispatchAllAsync(aws.Executor, requests);

        Assert.Equal(3, aws.Server.Jobs.Count);
        Assert.All(outcomes, o => Assert.Equal(DispatchStatus.Submitted, o.Status));
        Assert.Equal([10, 10, 5], aws.Server.Jobs.Select(j => Keys(j).Count));
        foreach (var job in aws.Server.Jobs)
        {
            var keys = Keys(job);
            Assert.Equal(BatchJobNames.ForSet(AwsSome.Repository, "ai-support-agent", keys), job.JobName);
            Assert.StartsWith("acme-shop-set-ai-support-agent-", job.JobName, StringComparison.Ordinal);
            Assert.Equal(["ai-support-agent"], job.Request["containerOverrides"]!["command"]!.AsArray().Select(n => (string)n!));

            // Each line: the issue, its own key and phase, and the agent's input envelope (the issue and its context).
            var lines = SetLines(job);
            Assert.Equal(keys, lines.Select(l => l[1]));
            Assert.All(lines, l => Assert.Equal(l[0], (string)JsonNode.Parse(l[3])!["issue"]!["number"]!.ToJsonString()));
            Assert.All(lines, l => Assert.NotNull(JsonNode.Parse(l[3])!["context"]));
            Assert.All(lines, l => Assert.Equal("plan", l[2]));
        }

        // Every dispatch learns the job that carries it.
        Assert.Equal(requests.Select(r => aws.Server.Jobs.Single(j => Keys(j).Contains(r.Key)).JobId), outcomes.Select(o => o.ExternalId));
    }

    [Fact]
    public async Task PrepareAsync_OtherAgentOrClient_NeverShareAJob()
    {
        await using var aws = await AwsHarness.StartAsync(policy: Policy(new BatchSets(10, TimeSpan.Zero)));
        IReadOnlyList<DispatchRequest> requests =
        [
            AwsSome.Dispatch(number: 1, priority: Priority.P2, agent: "ai-support-agent", tenant: "acme"),
            AwsSome.Dispatch(number: 2, priority: Priority.P2, agent: "ai-support-agent", tenant: "globex"),
            AwsSome.Dispatch(number: 3, priority: Priority.P2, agent: "ai-sales-agent", tenant: "acme"),
            AwsSome.Dispatch(number: 4, priority: Priority.P2, agent: "ai-support-agent", tenant: "acme"),
        ];

        await DispatchAllAsync(aws.Executor, requests);

        Assert.Equal([2, 1, 1], aws.Server.Jobs.Select(j => Keys(j).Count));
        Assert.Equal(["acme", "globex", "acme"], aws.Server.Jobs.Select(j => (string)j.Request["shareIdentifier"]!));
    }

    [Fact]
    public async Task PrepareAsync_SameSetAgainAfterARestart_ReusesTheJob()
    {
        await using var aws = await AwsHarness.StartAsync(policy: Policy(new BatchSets(10, TimeSpan.Zero)));
        var requests = Burst(1, 4);
        var first = await DispatchAllAsync(aws.Executor, requests);

        var again = await DispatchAllAsync(aws.NewExecutor(), requests);

        Assert.Single(aws.Server.Jobs);
        Assert.Equal(1, aws.Server.CallCount("SubmitJob"));
        Assert.Equal(first.Select(o => o.ExternalId), again.Select(o => o.ExternalId));
    }

    [Fact]
    public async Task MaxWait_ShortSetWaitsWithoutAJob_AfterTheWaitItGoesWithTheNewcomers()
    {
        await using var aws = await AwsHarness.StartAsync(policy: Policy(new BatchSets(10, TimeSpan.FromMinutes(3))));
        var waiting = Burst(1, 3);
        var dispatchedAt = aws.Clock.GetUtcNow();

        var held = await DispatchAllAsync(aws.Executor, waiting);
        aws.Clock.Advance(TimeSpan.FromMinutes(2));
        var early = await aws.Executor.TrackAsync(Tracked(waiting, dispatchedAt), CancellationToken.None);
        aws.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var late = await aws.Executor.TrackAsync(Tracked(waiting, dispatchedAt), CancellationToken.None);
        var outcomes = await DispatchAllAsync(aws.Executor, [.. waiting, .. Burst(4, 2)]);

        Assert.All(held, o => Assert.Equal((DispatchStatus.Submitted, null), (o.Status, o.ExternalId)));
        Assert.Empty(early);
        Assert.Equal(Enumerable.Repeat(DispatchReport.NotFound, 3), late.Select(r => r.State));
        var job = Assert.Single(aws.Server.Jobs);
        Assert.Equal(5, Keys(job).Count);
        Assert.All(outcomes, o => Assert.Equal(job.JobId, o.ExternalId));
    }

    [Fact]
    public async Task MaxWait_FullSet_GoesAtOnceAndOnlyTheRemainderWaits()
    {
        await using var aws = await AwsHarness.StartAsync(policy: Policy(new BatchSets(10, TimeSpan.FromMinutes(2))));

        var outcomes = await DispatchAllAsync(aws.Executor, Burst(1, 13));

        Assert.Equal(10, Keys(Assert.Single(aws.Server.Jobs)).Count);
        Assert.Equal(10, outcomes.Count(o => o.ExternalId is not null));
        Assert.Equal(3, outcomes.Count(o => o is { Status: DispatchStatus.Submitted, ExternalId: null }));
    }

    [Fact]
    public async Task TrackAsync_KeysWithoutJobIds_FoundInTheirSetAndReportedOneByOne()
    {
        await using var aws = await AwsHarness.StartAsync(policy: Policy(new BatchSets(10, TimeSpan.Zero)));
        var requests = Burst(1, 12);
        var at = aws.Clock.GetUtcNow();
        await DispatchAllAsync(aws.Executor, requests);
        aws.Server.SetJobStatus(aws.Server.Jobs[0].JobId, "FAILED", "Essential container in task exited", exitCode: 1);
        aws.Server.SetJobStatus(aws.Server.Jobs[1].JobId, "RUNNING");

        // A new process: nothing in memory, only the keys recorded on the issues.
        var reports = await aws.NewExecutor().TrackAsync(Tracked(requests, at), CancellationToken.None);

        Assert.Equal(12, reports.Count);
        Assert.All(reports.Take(10), r => Assert.True(r.Failed));
        Assert.All(reports.Take(10), r => Assert.Contains(aws.Server.Jobs[0].JobId, r.Message, StringComparison.Ordinal));
        Assert.All(reports.Skip(10), r => Assert.Equal(("RUNNING", false), (r.State, r.Failed)));
        Assert.Equal(requests.Select(r => r.Key), reports.Select(r => r.Key));
        Assert.Equal(1, aws.Server.CallCount("DescribeJobs"));
    }

    [Fact]
    public async Task PrepareAsync_IssuesThatDoNotCompress_SetsCutBeforeTheSubmitLimit()
    {
        await using var aws = await AwsHarness.StartAsync(policy: Policy(new BatchSets(10, TimeSpan.Zero)));
        var requests = Burst(1, 10).Select(r => r with { Issue = r.Issue with { Body = Convert.ToHexString(RandomNumberGenerator.GetBytes(4000)) } }).ToList();

        var outcomes = await DispatchAllAsync(aws.Executor, requests);

        Assert.All(outcomes, o => Assert.Equal(DispatchStatus.Submitted, o.Status));
        Assert.True(aws.Server.Jobs.Count > 1, "8 KB of incompressible text per issue cannot all fit in one 30 KiB submit");
        Assert.Equal(10, aws.Server.Jobs.Sum(j => Keys(j).Count));
        Assert.All(aws.Server.Calls.Where(c => c.Operation == "SubmitJob"), c => Assert.Null(c.Problem));
    }

    [Fact]
    public async Task Cost_TenIssuesInOneTask_ATenthPerIssueOfOneTaskEach()
    {
        await using var sets = await AwsHarness.StartAsync(policy: Policy(new BatchSets(10, TimeSpan.Zero)));
        await using var single = await AwsHarness.StartAsync(policy: Policy(BatchSets.None));
        await DispatchAllAsync(sets.Executor, Burst(1, 10));
        await DispatchAllAsync(single.Executor, Burst(1, 10));

        var perSet = await FinishAllAsync(sets, TimeSpan.FromSeconds(40));
        var perIssue = await FinishAllAsync(single, TimeSpan.FromSeconds(4));

        Assert.Equal((1, 10), (perSet.Jobs, perSet.Issues));
        Assert.Equal((10, 10), (perIssue.Jobs, perIssue.Issues));

        // Both runs are under Fargate's one-minute minimum: one task bills one minute, ten tasks ten.
        Assert.Equal(FargateCost.Task(0.5m, 1024, TimeSpan.FromMinutes(1)), perSet.TotalUsd);
        Assert.Equal(perIssue.PerIssueUsd / 10, perSet.PerIssueUsd);
    }

    private static DispatchPolicy Policy(BatchSets sets) => DispatchPolicy.Default with
    {
        Targets = DispatchPolicy.Default.Targets.ToDictionary(t => t.Key, t => t.Value.Executor == ExecutorKind.Batch ? t.Value with { Sets = sets } : t.Value),
    };

    private static List<DispatchRequest> Burst(int first, int count) =>
        [.. Enumerable.Range(first, count).Select(n => AwsSome.Dispatch(number: n, priority: Priority.P2, agent: "ai-support-agent"))];

    private static async Task<List<DispatchOutcome>> DispatchAllAsync(CloudExecutor executor, IReadOnlyList<DispatchRequest> requests)
    {
        await executor.PrepareAsync(requests, CancellationToken.None);
        var outcomes = new List<DispatchOutcome>();
        foreach (var request in requests)
        {
            outcomes.Add(await executor.DispatchAsync(request, CancellationToken.None));
        }

        return outcomes;
    }

    private static List<TrackedDispatch> Tracked(IEnumerable<DispatchRequest> requests, DateTimeOffset at) =>
        [.. requests.Select(r => new TrackedDispatch(r.Issue.Number, r.Key, BatchExecutor.ExecutorName, string.Empty, at))];

    private static async Task<BatchCostEstimate> FinishAllAsync(AwsHarness aws, TimeSpan ran)
    {
        var start = aws.Clock.GetUtcNow();
        foreach (var job in aws.Server.Jobs)
        {
            aws.Server.FinishJob(job.JobId, "SUCCEEDED", start, start + ran);
        }

        using var http = new HttpClient();
        var client = AwsExecutorFactory.CreateBatchClient(aws.Server.Settings, aws.Server.Credentials, aws.Clock, AwsHarness.TestOptions, http);
        return BatchCostEstimate.From(await client.DescribeJobsAsync([.. aws.Server.Jobs.Select(j => j.JobId)], CancellationToken.None));
    }

    private static List<string> Keys(FakeBatchJob job) =>
        [.. Environment(job)[BatchSetRequests.KeysVariable].Split(' ')];

    private static List<string[]> SetLines(FakeBatchJob job)
    {
        using var gzip = new GZipStream(new MemoryStream(Convert.FromBase64String(Environment(job)[BatchSetRequests.SetDataVariable])), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return [.. reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t', 4))];
    }

    private static Dictionary<string, string> Environment(FakeBatchJob job) =>
        job.Request["containerOverrides"]!["environment"]!.AsArray().ToDictionary(e => (string)e!["name"]!, e => (string)e!["value"]!);
}
