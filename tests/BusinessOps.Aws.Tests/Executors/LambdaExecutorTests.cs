using System.Text.Json;
using System.Text.Json.Nodes;
using BusinessOps.Aws.Executors;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.TestKit.Aws;

namespace BusinessOps.Aws.Tests.Executors;

public sealed class LambdaExecutorTests
{
    [Fact]
    public async Task DispatchAsync_P0_InvokesTheFunctionAsynchronouslyWithTheIssueInline()
    {
        await using var aws = await AwsHarness.StartAsync();
        var request = AwsSome.Dispatch(number: 9, priority: Priority.P0, phase: "execute", attempt: 2);

        var outcome = await aws.Executor.DispatchAsync(request, CancellationToken.None);

        Assert.Equal(DispatchStatus.Submitted, outcome.Status);
        Assert.Equal("lambda", outcome.Executor);
        var invocation = Assert.Single(aws.Server.Invocations);
        Assert.Equal(invocation.RequestId, outcome.ExternalId);
        Assert.Equal("businessops-agents", invocation.Function);
        var call = Assert.Single(aws.Server.Calls);
        Assert.Equal(("lambda", 202, "Event"), (call.Service, call.Status, call.Headers["x-amz-invocation-type"]));
        var payload = JsonNode.Parse(invocation.Payload)!.AsObject();
        Assert.Equal("acme/shop#9/a2/execute", (string?)payload["key"]);
        Assert.Equal("acme/shop", (string?)payload["repository"]);
        Assert.Equal(9, (int)payload["issue"]!);
        Assert.Equal(2, (int)payload["attempt"]!);
        Assert.Equal("execute", (string?)payload["phase"]);
        Assert.Equal("ai-operations-agent", (string?)payload["agent"]);
        Assert.Equal(9, (int)payload["issueData"]!["number"]!);
        Assert.Equal("open", (string?)payload["issueData"]!["state"]);
        Assert.Equal("/approve", (string?)payload["issueData"]!["comments"]![0]!["body"]);
        Assert.Null(payload["businessops_omitted_comments"]);
        Assert.NotNull(payload["context"]);
    }

    [Fact]
    public async Task DispatchAsync_WithContext_TheEventCarriesItInTheAgentsWireShape()
    {
        await using var aws = await AwsHarness.StartAsync();
        var context = new DispatchContext { Client = new ClientProfile("acme"), Policies = new AgentPolicies { Network = NetworkPolicy.PublicOnly } };

        await aws.Executor.DispatchAsync(AwsSome.Dispatch(priority: Priority.P0) with { Context = context }, CancellationToken.None);

        var payload = JsonNode.Parse(Assert.Single(aws.Server.Invocations).Payload)!.AsObject();
        Assert.Equal("acme", (string?)payload["context"]!["client"]!["id"]);
        var read = JsonSerializer.Deserialize(payload["context"]!.ToJsonString(), AgentContextJson.Wire.DispatchContext)!;
        Assert.Equal(("acme", NetworkPolicy.PublicOnly), (read.Client!.Id, read.Policies.Network));
    }

    [Fact]
    public async Task DispatchAsync_FunctionGivenAsArn_EscapesTheColonsAndStillVerifies()
    {
        var targets = new Dictionary<Priority, DispatchTarget>(DispatchPolicy.Default.Targets)
        {
            [Priority.P0] = new(ExecutorKind.Lambda, "arn:aws:lambda:us-east-1:123456789012:function:businessops-agents", null, null),
        };
        await using var aws = await AwsHarness.StartAsync(policy: DispatchPolicy.Default with { Targets = targets });

        var outcome = await aws.Executor.DispatchAsync(AwsSome.Dispatch(priority: Priority.P0), CancellationToken.None);

        Assert.Equal(DispatchStatus.Submitted, outcome.Status);
        Assert.Null(Assert.Single(aws.Server.Calls).Problem);
    }

    [Fact]
    public async Task DispatchAsync_ManyLongComments_LeavesOutTheOldestToStayUnderHalfOfLambdasLimit()
    {
        await using var aws = await AwsHarness.StartAsync();
        var request = AwsSome.Dispatch(number: 11, priority: Priority.P0);
        var comments = Enumerable.Range(1, 40).Select(i => new Core.Issues.IssueComment(i, "alice", $"comment {i} " + new string('x', 8 * 1024), aws.Clock.GetUtcNow(), aws.Clock.GetUtcNow())).ToList();
        request = request with { Issue = request.Issue with { Comments = comments } };

        var outcome = await aws.Executor.DispatchAsync(request, CancellationToken.None);

        Assert.Equal(DispatchStatus.Submitted, outcome.Status);
        var invocation = Assert.Single(aws.Server.Invocations);
        Assert.True(invocation.Payload.Length <= LambdaExecutor.MaxEventBytes, invocation.Payload.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var issue = JsonNode.Parse(invocation.Payload)!["issueData"]!;
        var kept = issue["comments"]!.AsArray();
        Assert.StartsWith("comment 40 ", (string?)kept[^1]!["body"], StringComparison.Ordinal);
        Assert.Equal(40 - kept.Count, (int)issue["businessops_omitted_comments"]!);
    }

    [Fact]
    public async Task DispatchAsync_BodyAloneTooLarge_FailsPermanentlyWithoutCallingLambda()
    {
        await using var aws = await AwsHarness.StartAsync();

        var outcome = await aws.Executor.DispatchAsync(AwsSome.Dispatch(priority: Priority.P0, bodyBytes: 300 * 1024), CancellationToken.None);

        Assert.Equal(DispatchStatus.Failed, outcome.Status);
        Assert.True(outcome.Permanent);
        Assert.Contains("shorten its body", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(aws.Server.Calls);
    }

    [Fact]
    public async Task DispatchAsync_ServerErrorOnInvoke_FailsRetryablyWithoutInvokingTwice()
    {
        await using var aws = await AwsHarness.StartAsync();
        aws.Server.Fail("Invoke", FakeAwsFault.ServerError);

        var outcome = await aws.Executor.DispatchAsync(AwsSome.Dispatch(priority: Priority.P0), CancellationToken.None);

        Assert.Equal(DispatchStatus.Failed, outcome.Status);
        Assert.False(outcome.Permanent);
        Assert.Equal(1, aws.Server.CallCount("Invoke"));
    }

    [Fact]
    public async Task TrackAsync_LambdaDispatches_HasNothingToPoll()
    {
        await using var aws = await AwsHarness.StartAsync();

        var reports = await aws.Executor.TrackAsync([new TrackedDispatch(1, "k", "lambda", "req", aws.Clock.GetUtcNow())], CancellationToken.None);

        Assert.Empty(reports);
        Assert.Empty(aws.Server.Calls);
    }
}
