using BusinessOps.Aws.Results;
using BusinessOps.Aws.Sqs;

namespace BusinessOps.Coordinator.Results;

/// <summary>The results queue over SQS: long polls, parses each body once, deletes by receipt handle.</summary>
public sealed class SqsResultInbox(SqsClient client, Uri queueUrl) : IResultInbox
{
    /// <summary>
    /// A received message stays hidden this long: longer than writing one result comment takes (paced 1 s apart),
    /// short enough that a coordinator that died mid-drain hands it to the next pass.
    /// </summary>
    public static readonly TimeSpan Visibility = TimeSpan.FromMinutes(5);

    public string Location => queueUrl.ToString();

    public async Task<IReadOnlyList<InboxMessage>> ReceiveAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var received = await client.ReceiveMessagesAsync(queueUrl.ToString(), SqsClient.MaxMessagesPerReceive, (int)wait.TotalSeconds, Visibility, cancellationToken);
        return [.. received.Select(m =>
        {
            var count = m.Attributes?.GetValueOrDefault("ApproximateReceiveCount") is { } c && int.TryParse(c, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 1;
            return ResultMessages.TryParse(m.Body, out var parsed, out var problem)
                ? new InboxMessage(m.MessageId, m.ReceiptHandle, parsed, null, count)
                : new InboxMessage(m.MessageId, m.ReceiptHandle, null, problem, count);
        })];
    }

    public Task DeleteAsync(InboxMessage message, CancellationToken cancellationToken) =>
        client.DeleteMessageAsync(queueUrl.ToString(), message.Handle, cancellationToken);
}
