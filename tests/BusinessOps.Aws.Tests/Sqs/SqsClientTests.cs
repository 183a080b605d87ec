using BusinessOps.Aws.Errors;
using BusinessOps.Aws.Executors;
using BusinessOps.Aws.Sqs;
using BusinessOps.TestKit.Aws;

namespace BusinessOps.Aws.Tests.Sqs;

public sealed class SqsClientTests : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private FakeAwsServer? _server;

    [Fact]
    public async Task SendReceiveDelete_RoundTrip_SignedForSqsAndEmptiesTheQueue()
    {
        var (server, client, url) = await StartAsync();

        var id = await client.SendMessageAsync(new SendMessageRequest(url, "{\"key\":\"k\"}") { MessageAttributes = new Dictionary<string, MessageAttributeValue> { ["businessops-source"] = new("String", "batch") } }, CancellationToken.None);
        var received = await client.ReceiveMessagesAsync(url, 10, 0, TimeSpan.FromSeconds(30), CancellationToken.None);
        var message = Assert.Single(received);
        await client.DeleteMessageAsync(url, message.ReceiptHandle, CancellationToken.None);

        Assert.Equal(id, message.MessageId);
        Assert.Equal("{\"key\":\"k\"}", message.Body);
        Assert.Equal("batch", message.MessageAttributes!["businessops-source"].StringValue);
        Assert.Equal("1", message.Attributes!["ApproximateReceiveCount"]);
        Assert.Empty(server.Messages("results"));
        Assert.All(server.Calls, c => Assert.Equal(("sqs", (string?)null), (c.Service, c.Problem)));
        Assert.All(server.Calls, c => Assert.Equal("application/x-amz-json-1.0", c.Headers["content-type"]));
    }

    [Fact]
    public async Task Receive_MessageInFlight_IsHiddenUntilItsVisibilityTimeout()
    {
        var (server, client, url) = await StartAsync();
        server.Enqueue("results", "one");

        var first = await client.ReceiveMessagesAsync(url, 10, 0, TimeSpan.FromSeconds(30), CancellationToken.None);
        var second = await client.ReceiveMessagesAsync(url, 10, 0, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Single(first);
        Assert.Empty(second);
        Assert.Single(server.Messages("results"));
    }

    [Fact]
    public async Task Receive_LongPoll_AnswersAsSoonAsAMessageIsSent()
    {
        var (server, client, url) = await StartAsync();

        var poll = client.ReceiveMessagesAsync(url, 10, SqsClient.MaxWaitSeconds, TimeSpan.FromSeconds(30), CancellationToken.None);
        await server.WhenPollingAsync();
        server.Enqueue("results", "late");

        Assert.Equal("late", Assert.Single(await poll).Body);
    }

    [Fact]
    public async Task AnyCall_QueueDoesNotExist_ResourceNotFoundNamingTheQueue()
    {
        var (_, client, _) = await StartAsync();
        var missing = _server!.QueueUrl("gone").ToString();

        var ex = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => client.GetQueueAttributesAsync(missing, ["QueueArn"], CancellationToken.None));

        Assert.Contains("QueueDoesNotExist", ex.Message, StringComparison.Ordinal);
        Assert.Contains("gone", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Permanent);
    }

    [Fact]
    public async Task GetQueueAttributes_ExistingQueue_ArnAndDepth()
    {
        var (server, client, url) = await StartAsync();
        server.Enqueue("results", "a");

        var attributes = await client.GetQueueAttributesAsync(url, ["QueueArn", "ApproximateNumberOfMessages"], CancellationToken.None);

        Assert.Equal($"arn:aws:sqs:{FakeAwsServer.Region}:{FakeAwsServer.Account}:results", attributes["QueueArn"]);
        Assert.Equal("1", attributes["ApproximateNumberOfMessages"]);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task<(FakeAwsServer Server, SqsClient Client, string Url)> StartAsync()
    {
        _server = await FakeAwsServer.StartAsync();
        var url = _server.CreateQueue("results");
        var client = AwsExecutorFactory.CreateSqsClient(_server.Settings, _server.Credentials, TimeProvider.System, AwsHarness.TestOptions, _http, _server.Endpoint);
        return (_server, client, url.ToString());
    }
}
