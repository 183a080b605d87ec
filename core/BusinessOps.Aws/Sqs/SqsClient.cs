using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BusinessOps.Aws.Errors;
using BusinessOps.Aws.Http;

namespace BusinessOps.Aws.Sqs;

/// <summary>
/// The four SQS operations of the results queue, over the AWS JSON 1.0 protocol with our SigV4 signer (the same request
/// path as Lambda and Batch). Agents send; the coordinator receives, deletes, and <c>doctor</c> reads the attributes.
/// </summary>
public sealed class SqsClient
{
    /// <summary>SQS's longest long poll.</summary>
    public const int MaxWaitSeconds = 20;

    /// <summary>SQS's most messages per receive.</summary>
    public const int MaxMessagesPerReceive = 10;

    /// <summary>The largest message body a standard queue accepts by default (256 KiB).</summary>
    public const int MaxMessageBytes = 256 * 1024;

    private readonly AwsConnection _connection;

    internal SqsClient(AwsConnection connection) => _connection = connection;

    /// <summary>Sends one message; returns its id. Not retried after 5xx (a retry could deliver twice; results are idempotent anyway).</summary>
    public async Task<string> SendMessageAsync(SendMessageRequest request, CancellationToken cancellationToken)
    {
        var response = await CallAsync("SendMessage", "sqs:SendMessage", request.QueueUrl, request, SqsJson.Default.SendMessageRequest, SqsJson.Default.SendMessageResponse, idempotent: false, null, cancellationToken);
        return response.MessageId ?? string.Empty;
    }

    /// <summary>Up to <paramref name="max"/> messages, waiting up to <paramref name="waitSeconds"/> for the first one.</summary>
    public async Task<IReadOnlyList<SqsMessage>> ReceiveMessagesAsync(string queueUrl, int max, int waitSeconds, TimeSpan visibility, CancellationToken cancellationToken)
    {
        var wait = Math.Clamp(waitSeconds, 0, MaxWaitSeconds);
        var request = new ReceiveMessageRequest(queueUrl, Math.Clamp(max, 1, MaxMessagesPerReceive), wait, (int)Math.Ceiling(visibility.TotalSeconds))
        {
            MessageSystemAttributeNames = ["ApproximateReceiveCount", "SentTimestamp"],
            MessageAttributeNames = ["All"],
        };

        // A long poll holds the connection open on purpose: the socket guard is the wait plus a margin.
        var response = await CallAsync(
            "ReceiveMessage", "sqs:ReceiveMessage", queueUrl, request, SqsJson.Default.ReceiveMessageRequest, SqsJson.Default.ReceiveMessageResponse, idempotent: true, TimeSpan.FromSeconds(wait + 15), cancellationToken);
        return response.Messages ?? [];
    }

    /// <summary>Deletes a received message. Deleting an already deleted message succeeds.</summary>
    public Task DeleteMessageAsync(string queueUrl, string receiptHandle, CancellationToken cancellationToken) =>
        CallAsync("DeleteMessage", "sqs:DeleteMessage", queueUrl, new DeleteMessageRequest(queueUrl, receiptHandle), SqsJson.Default.DeleteMessageRequest, SqsJson.Default.GetQueueAttributesResponse, idempotent: true, null, cancellationToken);

    /// <summary>The named queue attributes (e.g. <c>QueueArn</c>, <c>ApproximateNumberOfMessages</c>).</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetQueueAttributesAsync(string queueUrl, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var response = await CallAsync(
            "GetQueueAttributes", "sqs:GetQueueAttributes", queueUrl, new GetQueueAttributesRequest(queueUrl, names), SqsJson.Default.GetQueueAttributesRequest, SqsJson.Default.GetQueueAttributesResponse, idempotent: true, null, cancellationToken);
        return response.Attributes ?? new Dictionary<string, string>();
    }

    private async Task<TResponse> CallAsync<TRequest, TResponse>(
        string operation, string action, string queueUrl, TRequest request, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, bool idempotent, TimeSpan? timeout, CancellationToken cancellationToken)
        where TResponse : class
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, requestType);
        var call = new AwsCall(
            operation, action, $"SQS queue '{queueUrl}'", HttpMethod.Post, "/", body, idempotent, [new("x-amz-target", "AmazonSQS." + operation)], "application/x-amz-json-1.0", timeout);
        var response = await _connection.SendAsync(call, cancellationToken);
        if (response.Body.Length == 0)
        {
            return JsonSerializer.Deserialize("{}"u8, responseType)!;
        }

        try
        {
            return JsonSerializer.Deserialize(response.Body, responseType)
                ?? throw new AwsTransientException($"AWS sqs {operation} answered an empty body.", null, response.StatusCode);
        }
        catch (JsonException e)
        {
            throw new AwsTransientException(
                $"AWS sqs {operation} answered a body that is not the expected JSON (\"{AwsErrorMapper.Preview(response.Body)}\"): {e.Message}", null, response.StatusCode, e);
        }
    }
}
