using BusinessOps.Agents.Hosting;
using BusinessOps.Aws.Results;
using BusinessOps.Core.Results;
using BusinessOps.TestKit.Aws;

namespace BusinessOps.Aws.Tests.Results;

public sealed class ResultMessagesTests
{
    private const string Key = "acme/shop#7/a2/plan";

    [Fact]
    public void TryParse_LambdaSuccessRecord_TheAgentsResultForTheEventsKey()
    {
        var record = FakeAwsServer.DestinationRecord(Invocation(), FakeLambdaOutcome.Answer(ResultJson(Key)), DateTimeOffset.UnixEpoch);

        Assert.True(ResultMessages.TryParse(record, out var message, out _));
        Assert.Equal((Key, 7, "lambda", "ai-operations-agent"), (message!.Key, message.Issue, message.Source, message.Agent));
        Assert.Equal(AgentOutcome.Completed, message.Result!.Outcome);
        Assert.Null(message.Failure);
    }

    [Fact]
    public void TryParse_LambdaFunctionError_AFailureNamingTheError()
    {
        var record = FakeAwsServer.DestinationRecord(Invocation(), FakeLambdaOutcome.Error("Process exited before completing request"), DateTimeOffset.UnixEpoch);

        Assert.True(ResultMessages.TryParse(record, out var message, out _));
        Assert.Null(message!.Result);
        Assert.Contains("Unhandled", message.Failure, StringComparison.Ordinal);
        Assert.Contains("Process exited before completing request", message.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_EventAgeExceeded_AFailureSayingTheEventExpired()
    {
        var record = FakeAwsServer.DestinationRecord(Invocation(), FakeLambdaOutcome.Expire(), DateTimeOffset.UnixEpoch);

        Assert.True(ResultMessages.TryParse(record, out var message, out _));
        Assert.Equal(Key, message!.Key);
        Assert.Contains("expired", message.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_ResultForAnotherKey_AFailureNotTheOtherKeysResult()
    {
        var record = FakeAwsServer.DestinationRecord(Invocation(), FakeLambdaOutcome.Answer(ResultJson("acme/shop#7/a1/plan")), DateTimeOffset.UnixEpoch);

        Assert.True(ResultMessages.TryParse(record, out var message, out _));
        Assert.Equal(Key, message!.Key);
        Assert.Null(message.Result);
        Assert.Contains("acme/shop#7/a1/plan", message.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_BatchResult_TheResultItself()
    {
        Assert.True(ResultMessages.TryParse(ResultJson(Key), out var message, out _));
        Assert.Equal(("batch", Key, 7), (message!.Source, message.Key, message.Issue));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"requestContext\":{},\"requestPayload\":{\"key\":\"no-hash\"}}")]
    [InlineData("{\"agent\":\"x\",\"issue\":3,\"key\":\"acme/shop#4/a1/plan\",\"outcome\":\"completed\",\"summary\":\"s\"}")]
    [InlineData("{\"agent\":\"x\",\"issue\":3,\"key\":\"acme/shop#3/a1/plan\",\"outcome\":\"exploded\",\"summary\":\"s\"}")]
    public void TryParse_NotAResult_FalseWithAReason(string body)
    {
        Assert.False(ResultMessages.TryParse(body, out var message, out var error));
        Assert.Null(message);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    private static FakeLambdaInvocation Invocation() =>
        new("businessops-agents", System.Text.Encoding.UTF8.GetBytes($"{{\"key\":\"{Key}\",\"issue\":7,\"agent\":\"ai-operations-agent\",\"repository\":\"acme/shop\"}}"), "req-1", DateTimeOffset.UnixEpoch);

    private static string ResultJson(string key) => AgentHost.FormatResult(new AgentResult
    {
        Agent = "ai-operations-agent",
        Issue = 7,
        Key = key,
        Outcome = AgentOutcome.Completed,
        Summary = "All endpoints answer.",
        Confidence = 0.9,
    });
}
