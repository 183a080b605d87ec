using System.Text;
using System.Text.Json.Nodes;
using BusinessOps.Aws.Errors;
using BusinessOps.Aws.Results;
using BusinessOps.Aws.Sqs;
using BusinessOps.TestKit.Aws;

namespace BusinessOps.Aws.Tests.Results;

public sealed class ResultSenderTests
{
    [Fact]
    public async Task SendIfConfigured_QueueSet_SendsTheResultWithTheBatchJobId()
    {
        await using var server = await FakeAwsServer.StartAsync();
        var url = server.CreateQueue("results");
        var env = server.Environment();
        env[ResultsQueue.Variable] = url.ToString();
        env["AWS_BATCH_JOB_ID"] = "job-1";
        using var http = new HttpClient();

        var id = await ResultSender.SendIfConfiguredAsync("{\"key\":\"k\"}", env, http, TimeProvider.System, CancellationToken.None);

        var message = Assert.Single(server.Messages("results"));
        Assert.Equal(id, message.MessageId);
        Assert.Equal("{\"key\":\"k\"}", message.Body);
        Assert.Equal("job-1", message.Attributes[ResultSender.JobAttribute]);
        Assert.Equal("batch", message.Attributes[ResultSender.SourceAttribute]);
    }

    [Fact]
    public async Task SendIfConfigured_NoQueue_SendsNothing()
    {
        using var http = new HttpClient();

        Assert.Null(await ResultSender.SendIfConfiguredAsync("{}", new Dictionary<string, string?>(), http, TimeProvider.System, CancellationToken.None));
    }

    [Fact]
    public async Task SendIfConfigured_NotAQueueUrl_InvalidRequestNamingTheVariable()
    {
        using var http = new HttpClient();
        var env = new Dictionary<string, string?> { [ResultsQueue.Variable] = "results-queue" };

        var ex = await Assert.ThrowsAsync<AwsInvalidRequestException>(() => ResultSender.SendIfConfiguredAsync("{}", env, http, TimeProvider.System, CancellationToken.None));

        Assert.Contains(ResultsQueue.Variable, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_ResultLargerThanAMessage_DropsOutputsThenCutsThePlan()
    {
        var result = new JsonObject
        {
            ["key"] = "k",
            ["summary"] = "done",
            ["plan"] = new string('p', 300 * 1024),
            ["outputs"] = new JsonObject { ["table"] = new string('o', 50 * 1024) },
        }.ToJsonString();

        var fitted = JsonNode.Parse(ResultSender.Fit(result))!;

        Assert.True(Encoding.UTF8.GetByteCount(fitted.ToJsonString()) <= SqsClient.MaxMessageBytes);
        Assert.Empty(fitted["outputs"]!.AsObject());
        Assert.EndsWith("(truncated)", (string?)fitted["plan"], StringComparison.Ordinal);
        Assert.Contains("too large for the results queue", (string?)fitted["summary"], StringComparison.Ordinal);
        Assert.Equal("k", (string?)fitted["key"]);
    }

    [Fact]
    public void Fit_SmallResult_Unchanged()
    {
        Assert.Equal("{\"key\":\"k\"}", ResultSender.Fit("{\"key\":\"k\"}"));
    }
}
