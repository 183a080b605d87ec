namespace BusinessOps.Coordinator.Results;

/// <summary>Where results of agents on AWS arrive (the SQS results queue); tests use the fake SQS on loopback.</summary>
public interface IResultInbox
{
    /// <summary>What it reads, for logs (<c>the queue URL</c>).</summary>
    string Location { get; }

    /// <summary>Up to ten messages; waits up to <paramref name="wait"/> (at most 20 s) for the first one.</summary>
    Task<IReadOnlyList<InboxMessage>> ReceiveAsync(TimeSpan wait, CancellationToken cancellationToken);

    /// <summary>Removes a handled message for good.</summary>
    Task DeleteAsync(InboxMessage message, CancellationToken cancellationToken);
}
