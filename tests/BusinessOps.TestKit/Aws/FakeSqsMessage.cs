namespace BusinessOps.TestKit.Aws;

/// <summary>A message in a fake SQS queue: its body, attributes, receive count, and when it is visible again.</summary>
public sealed class FakeSqsMessage(string id, string body, IReadOnlyDictionary<string, string> attributes, DateTimeOffset sentAt)
{
    public string MessageId { get; } = id;

    public string Body { get; } = body;

    /// <summary>String message attributes as sent.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; } = attributes;

    public DateTimeOffset SentAt { get; } = sentAt;

    public int ReceiveCount { get; internal set; }

    /// <summary>The handle of the latest receive; only it deletes the message.</summary>
    public string? ReceiptHandle { get; internal set; }

    public DateTimeOffset VisibleAt { get; internal set; } = sentAt;
}
