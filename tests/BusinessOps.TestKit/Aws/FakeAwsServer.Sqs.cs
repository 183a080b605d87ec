using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BusinessOps.TestKit.Aws;

/// <summary>
/// Fake Amazon SQS (AWS JSON 1.0: <c>POST /</c>, <c>X-Amz-Target: AmazonSQS.*</c>): SendMessage, ReceiveMessage with
/// long polling and visibility timeouts, DeleteMessage by the latest receipt handle, GetQueueAttributes.
/// </summary>
public sealed partial class FakeAwsServer
{
    private readonly Dictionary<string, List<FakeSqsMessage>> _sqs = new(StringComparer.Ordinal);
    private TaskCompletionSource _sqsSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _polling = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once a ReceiveMessage is waiting in a long poll (so a test can send into it).</summary>
    public Task WhenPollingAsync() => _polling.Task;

    /// <summary>Creates (or finds) a standard queue; returns its URL on this server.</summary>
    public Uri CreateQueue(string name)
    {
        lock (_gate)
        {
            _sqs.TryAdd(name, []);
        }

        return QueueUrl(name);
    }

    public Uri QueueUrl(string name) => new(Endpoint, $"{Account}/{name}");

    /// <summary>The messages still in <paramref name="queue"/> (visible or in flight).</summary>
    public IReadOnlyList<FakeSqsMessage> Messages(string queue)
    {
        lock (_gate)
        {
            return _sqs.TryGetValue(queue, out var list) ? [.. list] : [];
        }
    }

    /// <summary>Puts a message on <paramref name="queue"/> as SQS would deliver it (tests and the fake Lambda destinations).</summary>
    public void Enqueue(string queue, string body, IReadOnlyDictionary<string, string>? attributes = null)
    {
        lock (_gate)
        {
            _sqs[queue].Add(new FakeSqsMessage(Guid.NewGuid().ToString(), body, attributes ?? new Dictionary<string, string>(), _clock.GetUtcNow()));
            _sqsSignal.TrySetResult();
            _sqsSignal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    private async Task<FakeAnswer> SqsAsync(string operation, byte[] body, CancellationToken ct)
    {
        if (Parse(body) is not { } request || FakeBatchShape.Str(request, "QueueUrl") is not { } url)
        {
            return FakeAnswer.Error(400, "MissingParameter", "The request must contain the parameter QueueUrl.");
        }

        var name = url.TrimEnd('/').Split('/')[^1];
        lock (_gate)
        {
            if (!_sqs.ContainsKey(name))
            {
                return FakeAnswer.Error(400, "com.amazonaws.sqs#QueueDoesNotExist", "The specified queue does not exist.");
            }
        }

        return operation switch
        {
            "SendMessage" => SendMessage(name, request),
            "ReceiveMessage" => await ReceiveMessageAsync(name, request, ct),
            "DeleteMessage" => DeleteMessage(name, request),
            "GetQueueAttributes" => QueueAttributes(name),
            _ => FakeAnswer.Error(400, "InvalidAction", $"The action {operation} is not valid for this endpoint."),
        };
    }

    private FakeAnswer SendMessage(string queue, JsonObject request)
    {
        if (FakeBatchShape.Str(request, "MessageBody") is not { Length: > 0 } text)
        {
            return FakeAnswer.Error(400, "MissingParameter", "The request must contain the parameter MessageBody.");
        }

        if (Encoding.UTF8.GetByteCount(text) > 256 * 1024)
        {
            return FakeAnswer.Error(400, "InvalidParameterValue", "One or more parameters are invalid. Reason: Message must be shorter than 262144 bytes.");
        }

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request["MessageAttributes"] as JsonObject ?? [])
        {
            if (value is not JsonObject attr || FakeBatchShape.Str(attr, "DataType") is not "String" || FakeBatchShape.Str(attr, "StringValue") is not { } s)
            {
                return FakeAnswer.Error(400, "InvalidParameterValue", $"Message attribute '{key}' needs DataType String and a StringValue.");
            }

            attributes[key] = s;
        }

        Enqueue(queue, text, attributes);
        var md5 = Md5Hex(text);
        return FakeAnswer.Json(200, new JsonObject { ["MessageId"] = Messages(queue)[^1].MessageId, ["MD5OfMessageBody"] = md5 });
    }

    private async Task<FakeAnswer> ReceiveMessageAsync(string queue, JsonObject request, CancellationToken ct)
    {
        var max = request["MaxNumberOfMessages"]?.GetValue<int>() ?? 1;
        var wait = request["WaitTimeSeconds"]?.GetValue<int>() ?? 0;
        var visibility = request["VisibilityTimeout"]?.GetValue<int>() ?? 30;
        if (max is < 1 or > 10 || wait is < 0 or > 20 || visibility is < 0 or > 43200)
        {
            return FakeAnswer.Error(400, "InvalidParameterValue", "MaxNumberOfMessages must be 1-10, WaitTimeSeconds 0-20, VisibilityTimeout 0-43200.");
        }

        // A long poll waits in real time (it is the socket that waits), ended early by any message sent meanwhile.
        var until = DateTimeOffset.UtcNow.AddSeconds(wait);
        while (true)
        {
            Task signal;
            var taken = new JsonArray();
            lock (_gate)
            {
                var now = _clock.GetUtcNow();
                foreach (var m in _sqs[queue].Where(m => m.VisibleAt <= now).Take(max))
                {
                    m.ReceiveCount++;
                    m.ReceiptHandle = Guid.NewGuid().ToString("n");
                    m.VisibleAt = now.AddSeconds(visibility);
                    taken.Add(new JsonObject
                    {
                        ["MessageId"] = m.MessageId,
                        ["ReceiptHandle"] = m.ReceiptHandle,
                        ["MD5OfBody"] = Md5Hex(m.Body),
                        ["Body"] = m.Body,
                        ["Attributes"] = new JsonObject { ["ApproximateReceiveCount"] = m.ReceiveCount.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                        ["MessageAttributes"] = new JsonObject(m.Attributes.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)new JsonObject { ["DataType"] = "String", ["StringValue"] = a.Value }))),
                    });
                }

                signal = _sqsSignal.Task;
            }

            var left = until - DateTimeOffset.UtcNow;
            if (taken.Count > 0 || left <= TimeSpan.Zero)
            {
                return FakeAnswer.Json(200, taken.Count > 0 ? new JsonObject { ["Messages"] = taken } : []);
            }

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _stopping.Token);
            _polling.TrySetResult();
            await Task.WhenAny(signal, Task.Delay(left, linked.Token)).ContinueWith(_ => { }, TaskScheduler.Default);
            if (linked.IsCancellationRequested)
            {
                return FakeAnswer.Json(200, []);
            }
        }
    }

    private FakeAnswer DeleteMessage(string queue, JsonObject request)
    {
        var handle = FakeBatchShape.Str(request, "ReceiptHandle");
        lock (_gate)
        {
            var message = _sqs[queue].FirstOrDefault(m => m.ReceiptHandle == handle);
            if (message is null)
            {
                return FakeAnswer.Error(400, "ReceiptHandleIsInvalid", $"The input receipt handle \"{handle}\" is not a valid receipt handle.");
            }

            _sqs[queue].Remove(message);
        }

        return FakeAnswer.Json(200, []);
    }

    private FakeAnswer QueueAttributes(string queue) => FakeAnswer.Json(200, new JsonObject
    {
        ["Attributes"] = new JsonObject
        {
            ["QueueArn"] = $"arn:aws:sqs:{Region}:{Account}:{queue}",
            ["ApproximateNumberOfMessages"] = Messages(queue).Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    });

    // SQS's wire protocol names MD5 as the body checksum, and real clients (the AWS SDK for JavaScript) verify it.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "SQS protocol checksum, not security")]
    private static string Md5Hex(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    private static string? SqsTarget(HttpContext context) =>
        context.Request.Headers["X-Amz-Target"].ToString() is { } target && target.StartsWith("AmazonSQS.", StringComparison.Ordinal) ? target["AmazonSQS.".Length..] : null;
}
