using BusinessOps.Aws.Credentials;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.TestKit.Aws;

namespace BusinessOps.Aws.Tests.Executors;

public sealed class DispatchErrorTests
{
    [Fact]
    public async Task DispatchAsync_MissingQueue_FailsPermanentlyNamingTheQueueWithoutRetrying()
    {
        await using var aws = await AwsHarness.StartAsync();
        aws.Server.Queues.Clear();

        var outcome = await aws.Executor.DispatchAsync(AwsSome.Dispatch(), CancellationToken.None);

        AssertFailed(outcome, permanent: true, "businessops-agents", "not found", "infra/");
        Assert.Equal(1, aws.Server.CallCount("ListJobs"));
        Assert.Equal(0, aws.Server.CallCount("SubmitJob"));
    }

    [Fact]
    public async Task DispatchAsync_MissingJobDefinition_FailsPermanentlyNamingIt()
    {
        await using var aws = await AwsHarness.StartAsync();
        aws.Server.JobDefinitions.Clear();

        var outcome = await aws.Executor.DispatchAsync(AwsSome.Dispatch(), CancellationToken.None);

        AssertFailed(outcome, permanent: true, "Job definition businessops-agent does not exist");
        Assert.Equal(1, aws.Server.CallCount("SubmitJob"));
    }

    [Fact]
    public async Task DispatchAsync_MissingFunction_FailsPermanentlyNamingTheFunction()
    {
        await using var aws = await AwsHarness.StartAsync();
        aws.Server.Functions.Clear();

        var outcome = await aws.Executor.DispatchAsync(AwsSome.Dispatch(priority: Priority.P0), CancellationToken.None);

        AssertFailed(outcome, permanent: true, "Lambda function 'businessops-agents'", "Function not found");
        Assert.Equal(1, aws.Server.CallCount("Invoke"));
    }

    [Theory]
    [InlineData("ListJobs", Priority.P1, "batch:ListJobs")]
    [InlineData("SubmitJob", Priority.P2, "batch:SubmitJob")]
    [InlineData("Invoke", Priority.P0, "lambda:InvokeFunction")]
    public async Task DispatchAsync_AccessDenied_FailsPermanentlyNamingThePermission(string operation, Priority priority, string action)
    {
        await using var aws = await AwsHarness.StartAsync();
        aws.Server.Fail(operation, FakeAwsFault.AccessDenied);

        var outcome = await aws.Executor.DispatchAsync(AwsSome.Dispatch(priority: priority), CancellationToken.None);

        AssertFailed(outcome, permanent: true, $"Allow {action}", "not authorized");
        Assert.Equal(1, aws.Server.CallCount(operation));
    }

    [Fact]
    public async Task DispatchAsync_ExpiredToken_FailsRetryablyAndSaysToRefresh()
    {
        await using var aws = await AwsHarness.StartAsync();
        aws.Server.Fail("ListJobs", FakeAwsFault.ExpiredToken);

        var outcome = await aws.Executor.DispatchAsync(AwsSome.Dispatch(), CancellationToken.None);

        AssertFailed(outcome, permanent: false, "expired", "refresh");
    }

    [Fact]
    public async Task DispatchAsync_HtmlFromAProxy_FailsRetryablyAndPointsAtTheEndpoint()
    {
        await using var aws = await AwsHarness.StartAsync();
        aws.Server.Fail("SubmitJob", FakeAwsFault.Html);

        var outcome = await aws.Executor.DispatchAsync(AwsSome.Dispatch(), CancellationToken.None);

        AssertFailed(outcome, permanent: false, "non-AWS body", "text/html", "AWS_ENDPOINT_URL");
    }

    [Theory]
    [InlineData("ListJobs")]
    [InlineData("SubmitJob")]
    public async Task DispatchAsync_HtmlWithStatus200_FailsRetryablyInsteadOfMisreadingIt(string operation)
    {
        await using var aws = await AwsHarness.StartAsync();
        aws.Server.Fail(operation, FakeAwsFault.CaptivePortal);

        var outcome = await aws.Executor.DispatchAsync(AwsSome.Dispatch(), CancellationToken.None);

        AssertFailed(outcome, permanent: false, $"answered {operation} with HTML, not AWS JSON", "Sign in to continue");
        Assert.Empty(aws.Server.Jobs);
    }

    [Fact]
    public async Task DispatchAsync_ServerErrorOnSubmit_FailsRetryablyWithoutResubmitting()
    {
        await using var aws = await AwsHarness.StartAsync();
        aws.Server.Fail("SubmitJob", FakeAwsFault.ServerError);

        var outcome = await aws.Executor.DispatchAsync(AwsSome.Dispatch(), CancellationToken.None);

        AssertFailed(outcome, permanent: false, "ServerException", "next pass retries");
        Assert.Equal(1, aws.Server.CallCount("SubmitJob"));
    }

    [Fact]
    public async Task DispatchAsync_ServerErrorOnListJobsOnce_RetriesTheReadAndSucceeds()
    {
        await using var aws = await AwsHarness.StartAsync();
        aws.Server.Fail("ListJobs", FakeAwsFault.ServerError, times: 1);

        var outcome = await aws.Executor.DispatchAsync(AwsSome.Dispatch(), CancellationToken.None);

        Assert.Equal(DispatchStatus.Submitted, outcome.Status);
        Assert.Equal(2, aws.Server.CallCount("ListJobs"));
    }

    [Fact]
    public async Task DispatchAsync_EndpointHangs_TimesOutAsARetryableFailure()
    {
        // The only test that waits in real time: the socket timeout is a real-time guard by design (see AwsConnection).
        await using var aws = await AwsHarness.StartAsync(AwsHarness.TestOptions with { RequestTimeout = TimeSpan.FromMilliseconds(300) });
        aws.Server.Fail("Invoke", FakeAwsFault.Hang);

        var outcome = await aws.Executor.DispatchAsync(AwsSome.Dispatch(priority: Priority.P0), CancellationToken.None);

        AssertFailed(outcome, permanent: false, "did not answer Invoke within 0.3 s");
    }

    [Fact]
    public async Task DispatchAsync_WrongSecret_IsRejectedBySignatureCheckAndFailsPermanently()
    {
        await using var aws = await AwsHarness.StartAsync();
        var executor = aws.NewExecutor(new StaticCredentialSource(new AwsCredentials(FakeAwsServer.AccessKeyId, "wrong-secret")));

        var outcome = await executor.DispatchAsync(AwsSome.Dispatch(), CancellationToken.None);

        AssertFailed(outcome, permanent: true, "InvalidSignatureException", "rejected");
        Assert.Equal(403, Assert.Single(aws.Server.Calls).Status);
    }

    [Fact]
    public async Task DispatchAsync_SessionToken_IsSentSignedAndAccepted()
    {
        await using var aws = await AwsHarness.StartAsync();
        aws.Server.ExpectedSessionToken = "FwoGZXIvYXdzEXAMPLETOKEN";
        var executor = aws.NewExecutor(aws.Server.Credentials);

        var outcome = await executor.DispatchAsync(AwsSome.Dispatch(), CancellationToken.None);

        Assert.Equal(DispatchStatus.Submitted, outcome.Status);
        Assert.All(aws.Server.Calls, c => Assert.Contains("x-amz-security-token", c.Headers["authorization"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task DispatchAsync_PolicyWithoutQueue_FailsPermanentlyPointingAtThePolicy()
    {
        var policy = DispatchPolicy.Default with
        {
            Targets = new Dictionary<Priority, DispatchTarget> { [Priority.P2] = new(ExecutorKind.Batch, null, null, null) },
        };
        await using var aws = await AwsHarness.StartAsync(policy: policy);

        var outcome = await aws.Executor.DispatchAsync(AwsSome.Dispatch(priority: Priority.P2), CancellationToken.None);

        AssertFailed(outcome, permanent: true, "policies/dispatch.yml", "P2");
        Assert.Empty(aws.Server.Calls);
    }

    private static void AssertFailed(DispatchOutcome outcome, bool permanent, params string[] fragments)
    {
        Assert.Equal(DispatchStatus.Failed, outcome.Status);
        Assert.Equal(permanent, outcome.Permanent);
        Assert.NotNull(outcome.Error);
        Assert.DoesNotContain('\n', outcome.Error);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, outcome.Error, StringComparison.Ordinal);
        }
    }
}
