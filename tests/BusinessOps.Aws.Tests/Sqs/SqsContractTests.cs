using System.Diagnostics;
using System.Text.Json.Nodes;
using BusinessOps.Aws.Executors;
using BusinessOps.Aws.Sqs;
using BusinessOps.TestKit;
using BusinessOps.TestKit.Aws;

namespace BusinessOps.Aws.Tests.Sqs;

/// <summary>
/// Our SQS client and the AWS SDK for JavaScript's (the reference) against the same fake SQS: each reads what the
/// other wrote, and both send requests of the same shape, so the fake — and our client with it — speaks real SQS.
/// </summary>
public sealed class SqsContractTests
{
    private static readonly string Tools = Path.Combine(NpmTools.RepositoryRoot(), "tests", "BusinessOps.Aws.Tests", "npm");

    [Fact]
    public async Task ReferenceClient_AndOurs_ReadEachOthersMessagesWithRequestsOfTheSameShape()
    {
        await NpmTools.NodeModulesAsync(Tools, ["@aws-sdk/client-sqs/package.json"]);
        await using var server = await FakeAwsServer.StartAsync();
        var url = server.CreateQueue("results").ToString();
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var ours = AwsExecutorFactory.CreateSqsClient(server.Settings, server.Credentials, TimeProvider.System, AwsHarness.TestOptions, http, server.Endpoint);

        await NodeAsync(server, url, "send", "{\"key\":\"from-js\"}");
        var fromJs = Assert.Single(await ours.ReceiveMessagesAsync(url, 10, 0, TimeSpan.FromMinutes(5), CancellationToken.None));
        await ours.DeleteMessageAsync(url, fromJs.ReceiptHandle, CancellationToken.None);
        await ours.SendMessageAsync(new SendMessageRequest(url, "{\"key\":\"from-us\"}") { MessageAttributes = new Dictionary<string, MessageAttributeValue> { ["businessops-source"] = new("String", "batch") } }, CancellationToken.None);
        var received = await NodeAsync(server, url, "receive");
        var attributes = await NodeAsync(server, url, "attributes");

        Assert.Equal("{\"key\":\"from-js\"}", fromJs.Body);
        Assert.Equal("batch", fromJs.MessageAttributes!["businessops-source"].StringValue);
        Assert.Equal("{\"key\":\"from-us\"}", (string?)received["messages"]![0]!["body"]);
        Assert.Equal("batch", (string?)received["messages"]![0]!["attributes"]!["businessops-source"]!["StringValue"]);
        Assert.EndsWith(":results", (string?)attributes["attributes"]!["QueueArn"], StringComparison.Ordinal);
        Assert.Empty(server.Messages("results"));
        Assert.All(server.Calls, c => Assert.Null(c.Problem));
        foreach (var operation in new[] { "SendMessage", "ReceiveMessage", "DeleteMessage" })
        {
            var calls = server.Calls.Where(c => c.Operation == operation).ToList();
            Assert.True(calls.Count >= 2, operation);
            Assert.All(calls, c => Assert.Equal(("AmazonSQS." + operation, "application/x-amz-json-1.0"), (c.Headers["x-amz-target"], c.Headers["content-type"])));
            Assert.Single(calls.Select(c => string.Join(',', JsonNode.Parse(c.Body)!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal))).Distinct());
        }
    }

    private static async Task<JsonNode> NodeAsync(FakeAwsServer server, string url, params string[] args)
    {
        var start = new ProcessStartInfo("node", [Path.Combine(Tools, "sqs-contract.mjs"), server.Endpoint.ToString().TrimEnd('/'), url, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Tools,
        };
        foreach (var (name, value) in server.Environment().Where(e => e.Value is not null && e.Key != "AWS_ENDPOINT_URL"))
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"node {string.Join(' ', args)} failed: {await stderr}");
        return JsonNode.Parse(stdout)!;
    }
}
