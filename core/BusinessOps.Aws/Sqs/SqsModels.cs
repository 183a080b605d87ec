namespace BusinessOps.Aws.Sqs;

// The request and response shapes of the Amazon SQS JSON protocol (AWS JSON 1.0, X-Amz-Target AmazonSQS.*) that we use.
// Member names are PascalCase on the wire; only the fields we send or read are modelled.

/// <summary>SendMessage.</summary>
public sealed record SendMessageRequest(string QueueUrl, string MessageBody)
{
    public IReadOnlyDictionary<string, MessageAttributeValue>? MessageAttributes { get; init; }
}

/// <summary>A string message attribute.</summary>
public sealed record MessageAttributeValue(string DataType, string StringValue);

/// <summary>SendMessage's answer.</summary>
public sealed record SendMessageResponse(string? MessageId, string? MD5OfMessageBody);

/// <summary>ReceiveMessage: at most 10 messages, long poll up to 20 s.</summary>
public sealed record ReceiveMessageRequest(string QueueUrl, int MaxNumberOfMessages, int WaitTimeSeconds, int VisibilityTimeout)
{
    public IReadOnlyList<string>? MessageSystemAttributeNames { get; init; }

    public IReadOnlyList<string>? MessageAttributeNames { get; init; }
}

/// <summary>ReceiveMessage's answer; <see cref="Messages"/> is absent when the queue was empty.</summary>
public sealed record ReceiveMessageResponse(IReadOnlyList<SqsMessage>? Messages);

/// <summary>One received message: its body and the handle that deletes it.</summary>
public sealed record SqsMessage(string MessageId, string ReceiptHandle, string Body)
{
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    public IReadOnlyDictionary<string, MessageAttributeValue>? MessageAttributes { get; init; }
}

/// <summary>DeleteMessage.</summary>
public sealed record DeleteMessageRequest(string QueueUrl, string ReceiptHandle);

/// <summary>GetQueueAttributes.</summary>
public sealed record GetQueueAttributesRequest(string QueueUrl, IReadOnlyList<string> AttributeNames);

/// <summary>GetQueueAttributes' answer.</summary>
public sealed record GetQueueAttributesResponse(IReadOnlyDictionary<string, string>? Attributes);
