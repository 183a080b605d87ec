using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.TestKit.Aws;

namespace BusinessOps.Aws.Tests.Executors;

public sealed class CloudExecutorTests
{
    [Theory]
    [InlineData(Priority.P0, "lambda")]
    [InlineData(Priority.P1, "batch")]
    [InlineData(Priority.P2, "batch")]
    [InlineData(Priority.P3, "batch")]
    public async Task DispatchAsync_DefaultPolicy_RoutesP0ToLambdaAndTheRestToBatch(Priority priority, string executor)
    {
        await using var aws = await AwsHarness.StartAsync();

        var outcome = await aws.Executor.DispatchAsync(AwsSome.Dispatch(priority: priority), CancellationToken.None);

        Assert.Equal(executor, outcome.Executor);
        Assert.Equal("aws", aws.Executor.Name);
    }

    [Fact]
    public async Task DispatchAsync_PolicySendsP0ToBatch_UsesBatchWithTopSchedulingPriority()
    {
        var targets = new Dictionary<Priority, DispatchTarget>(DispatchPolicy.Default.Targets)
        {
            [Priority.P0] = new(ExecutorKind.Batch, null, "businessops-agents", "businessops-agent"),
        };
        await using var aws = await AwsHarness.StartAsync(policy: DispatchPolicy.Default with { Targets = targets });

        var outcome = await aws.Executor.DispatchAsync(AwsSome.Dispatch(priority: Priority.P0), CancellationToken.None);

        Assert.Equal("batch", outcome.Executor);
        Assert.Equal(9999, (int)Assert.Single(aws.Server.Jobs).Request["schedulingPriorityOverride"]!);
    }
}
