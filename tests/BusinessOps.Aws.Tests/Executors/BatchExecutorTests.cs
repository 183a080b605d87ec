using BusinessOps.Aws.Executors;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Ports;
using BusinessOps.TestKit.Aws;

namespace BusinessOps.Aws.Tests.Executors;

public sealed class BatchExecutorTests
{
    [Fact]
    public async Task DispatchAsync_P1_SubmitsOneSignedJobShapedPerTheApiReference()
    {
        await using var aws = await AwsHarness.StartAsync();
        var request = AwsSome.Dispatch(number: 42, priority: Priority.P1, tenant: "acme");

        var outcome = await aws.Executor.DispatchAsync(request, CancellationToken.None);

        Assert.Equal(DispatchStatus.Submitted, outcome.Status);
        Assert.Equal("batch", outcome.Executor);
        var job = Assert.Single(aws.Server.Jobs);
        Assert.Equal(job.JobId, outcome.ExternalId);
        Assert.All(aws.Server.Calls, c => Assert.Null(c.Problem));
        Assert.All(aws.Server.Calls, c => Assert.Equal("batch", c.Service));
        var body = job.Request;
        Assert.Equal(BatchJobNames.ForKey(request.Key), job.JobName);
        Assert.Matches("^acme-shop-42-a1-plan-[0-9a-f]{12}$", job.JobName);
        Assert.Equal("businessops-agents", (string?)body["jobQueue"]);
        Assert.Equal("businessops-agent", (string?)body["jobDefinition"]);
        Assert.Equal(
            ["ai-operations-agent", "--process-issue", "42", "--issue-data", "-", "--context", "-", "--key", "acme/shop#42/a1/plan", "--phase", "plan"],
            body["containerOverrides"]!["command"]!.AsArray().Select(n => (string)n!));
        var environment = body["containerOverrides"]!["environment"]!.AsArray().ToDictionary(e => (string)e!["name"]!, e => (string)e!["value"]!);
        Assert.Equal("acme/shop#42/a1/plan", environment["BUSINESSOPS_KEY"]);
        Assert.Equal("42", environment["BUSINESSOPS_ISSUE"]);
        Assert.Equal("acme", environment["BUSINESSOPS_TENANT"]);
        Assert.Equal(9000, (int)body["schedulingPriorityOverride"]!);
        Assert.Equal("acme", (string?)body["shareIdentifier"]);

        // One retry strategy, the job definition's: a submit's would replace it.
        Assert.Null(body["retryStrategy"]);
        Assert.Equal(1, aws.Server.CallCount("DescribeJobQueues"));
        Assert.Equal("acme/shop:42/a1/plan", (string?)body["tags"]!["businessops:key"]);
        Assert.Equal("42", (string?)body["tags"]!["businessops:issue"]);
    }

    [Theory]
    [InlineData(Priority.P1, 9000)]
    [InlineData(Priority.P2, 5000)]
    [InlineData(Priority.P3, 1000)]
    public async Task DispatchAsync_Priority_SetsSchedulingPriorityHighestForP1(Priority priority, int expected)
    {
        await using var aws = await AwsHarness.StartAsync();

        await aws.Executor.DispatchAsync(AwsSome.Dispatch(priority: priority), CancellationToken.None);

        Assert.Equal(expected, (int)Assert.Single(aws.Server.Jobs).Request["schedulingPriorityOverride"]!);
    }

    [Theory]
    [InlineData("acme", "acme")]
    [InlineData("Acme Corp/EU-west_2", "AcmeCorpEUwest2")]
    [InlineData(null, "default")]
    [InlineData("", "default")]
    [InlineData("☃-_/", "default")]
    public async Task DispatchAsync_ClientLabel_BecomesAValidShareIdentifier(string? tenant, string expected)
    {
        await using var aws = await AwsHarness.StartAsync();

        var outcome = await aws.Executor.DispatchAsync(AwsSome.Dispatch(tenant: tenant), CancellationToken.None);

        Assert.Equal(DispatchStatus.Submitted, outcome.Status);
        Assert.Equal(expected, (string?)Assert.Single(aws.Server.Jobs).Request["shareIdentifier"]);
    }

    [Fact]
    public async Task DispatchAsync_IssueTravelsInTheJob_DecodesToTheEnvelopeOfTheIssueWithItsCommentsAndTheContext()
    {
        await using var aws = await AwsHarness.StartAsync();
        var context = new DispatchContext { Client = new ClientProfile("acme"), Policies = new AgentPolicies { Network = NetworkPolicy.PublicOnly } };

        await aws.Executor.DispatchAsync(AwsSome.Dispatch(number: 42) with { Context = context }, CancellationToken.None);

        var environment = Assert.Single(aws.Server.Jobs).Request["containerOverrides"]!["environment"]!.AsArray();
        var data = (string)environment.Single(e => (string?)e!["name"] == BatchJobRequests.IssueDataVariable)!["value"]!;
        using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(Convert.FromBase64String(data)), System.IO.Compression.CompressionMode.Decompress);
        var envelope = System.Text.Json.Nodes.JsonNode.Parse(gzip)!;
        Assert.Equal(42, (int)envelope["issue"]!["number"]!);
        Assert.Equal("/approve", (string?)envelope["issue"]!["comments"]![0]!["body"]);
        Assert.Equal("acme", (string?)envelope["context"]!["client"]!["id"]);
        Assert.NotNull(envelope["context"]!["policies"]!["network"]);
    }

    [Fact]
    public async Task DispatchAsync_QueueWithoutFairSharePolicy_SubmitsWithoutShareOrPriorityAndLooksTheQueueUpOnce()
    {
        await using var aws = await AwsHarness.StartAsync();
        aws.Server.FairShareQueues.Clear();

        var first = await aws.Executor.DispatchAsync(AwsSome.Dispatch(number: 1, tenant: "acme"), CancellationToken.None);
        var second = await aws.Executor.DispatchAsync(AwsSome.Dispatch(number: 2), CancellationToken.None);

        Assert.Equal((DispatchStatus.Submitted, DispatchStatus.Submitted), (first.Status, second.Status));
        Assert.All(aws.Server.Jobs, j => Assert.Null(j.Request["shareIdentifier"]));
        Assert.All(aws.Server.Jobs, j => Assert.Null(j.Request["schedulingPriorityOverride"]));
        Assert.Equal(1, aws.Server.CallCount("DescribeJobQueues"));
    }

    [Fact]
    public async Task DispatchAsync_QueueMissing_FailsPermanentlyNamingTheQueue()
    {
        await using var aws = await AwsHarness.StartAsync();
        aws.Server.Queues.Clear();

        var outcome = await aws.Executor.DispatchAsync(AwsSome.Dispatch(), CancellationToken.None);

        Assert.Equal(DispatchStatus.Failed, outcome.Status);
        Assert.True(outcome.Permanent);
        Assert.Contains("'businessops-agents' does not exist", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(aws.Server.Jobs);
    }

    [Fact]
    public async Task DispatchAsync_SameKeyAfterCrashAndRestart_FindsTheJobInsteadOfSubmittingASecond()
    {
        await using var aws = await AwsHarness.StartAsync();
        var request = AwsSome.Dispatch(number: 7);
        var first = await aws.Executor.DispatchAsync(request, CancellationToken.None);

        // "Crash": the coordinator process dies after the call; a new process builds a new executor and retries the same key.
        var restarted = aws.NewExecutor();
        var again = await restarted.DispatchAsync(request, CancellationToken.None);
        var third = await restarted.DispatchAsync(request, CancellationToken.None);

        Assert.Single(aws.Server.Jobs);
        Assert.Equal(1, aws.Server.CallCount("SubmitJob"));
        Assert.Equal(3, aws.Server.CallCount("ListJobs"));
        Assert.Equal(first.ExternalId, again.ExternalId);
        Assert.Equal(first.ExternalId, third.ExternalId);
    }

    [Fact]
    public async Task DispatchAsync_ExistingJobAlreadyFailed_ReusesItSoTrackingReportsTheFailure()
    {
        await using var aws = await AwsHarness.StartAsync();
        var request = AwsSome.Dispatch(number: 8);
        var first = await aws.Executor.DispatchAsync(request, CancellationToken.None);
        aws.Server.SetJobStatus(first.ExternalId!, "FAILED", "Essential container in task exited", exitCode: 1);

        var again = await aws.NewExecutor().DispatchAsync(request, CancellationToken.None);

        Assert.Equal(first.ExternalId, again.ExternalId);
        Assert.Single(aws.Server.Jobs);
    }

    [Fact]
    public async Task DispatchAsync_KeysThatSanitizeAlike_GetDistinctJobs()
    {
        await using var aws = await AwsHarness.StartAsync();
        var a = AwsSome.Dispatch(repository: "acme/shop", number: 5);
        var b = AwsSome.Dispatch(repository: "acme-shop", number: 5);

        await aws.Executor.DispatchAsync(a, CancellationToken.None);
        await aws.Executor.DispatchAsync(b, CancellationToken.None);

        Assert.Equal(2, aws.Server.Jobs.Count);
        Assert.NotEqual(aws.Server.Jobs[0].JobName, aws.Server.Jobs[1].JobName);
    }

    [Fact]
    public async Task DispatchAsync_HugeIssueNumberAndLongUnicodeRepository_StillFormsAValidJobName()
    {
        await using var aws = await AwsHarness.StartAsync();
        var request = AwsSome.Dispatch(repository: "__Ünïcødé-org/" + new string('r', 300), number: int.MaxValue, attempt: int.MaxValue);

        var outcome = await aws.Executor.DispatchAsync(request, CancellationToken.None);

        Assert.Equal(DispatchStatus.Submitted, outcome.Status);
        var name = Assert.Single(aws.Server.Jobs).JobName;
        Assert.True(name.Length <= 128, name);
        Assert.Matches(FakeBatchShape.JobName(), name);
    }
}
