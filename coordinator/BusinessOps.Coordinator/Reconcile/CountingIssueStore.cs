using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Reconcile;

/// <summary>Counts completed reads and writes through the port, for <c>run --json</c>, the demo and benchmarks.</summary>
public sealed class CountingIssueStore(IIssueStore inner) : IIssueStore, ISubIssueLinks
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(int Issue, string Body)> _posted = new();
    private int _reads;
    private int _writes;

    /// <summary>
    /// True: keep the bodies of the comments posted through this store (<see cref="Posted"/>), so an event job can show the
    /// results it recorded to the threshold rules without reading them back. Off for full passes (they read every result).
    /// </summary>
    public bool RecordPosts { get; set; }

    /// <summary>Comments posted while <see cref="RecordPosts"/> was on, by issue, in the order they were posted.</summary>
    public IReadOnlyList<(int Issue, string Body)> Posted => [.. _posted];

    public int Reads => Volatile.Read(ref _reads);

    public int Writes => Volatile.Read(ref _writes);

    public IIssueStore Inner => inner;

    public string Identity => inner.Identity;

    public string Location => inner.Location;

    public Task<IReadOnlyList<IssueSnapshot>> ListIssuesAsync(IssueQuery query, CancellationToken cancellationToken) => Read(inner.ListIssuesAsync(query, cancellationToken));

    public Task<IssueSnapshot?> GetIssueAsync(int number, CancellationToken cancellationToken) => Read(inner.GetIssueAsync(number, cancellationToken));

    public Task<IssueSnapshot> CreateIssueAsync(NewIssue issue, CancellationToken cancellationToken) => Write(inner.CreateIssueAsync(issue, cancellationToken));

    public async Task<IssueComment> AddCommentAsync(int number, string body, CancellationToken cancellationToken)
    {
        var comment = await Write(inner.AddCommentAsync(number, body, cancellationToken));
        Keep(number, body);
        return comment;
    }

    public Task<IssueComment> UpdateCommentAsync(int number, long commentId, string body, CancellationToken cancellationToken) => Write(inner.UpdateCommentAsync(number, commentId, body, cancellationToken));

    public Task<IssueComment?> TryUpdateCommentAsync(int number, IssueComment expected, string body, CancellationToken cancellationToken) =>
        Conditional(inner.TryUpdateCommentAsync(number, expected, body, cancellationToken), expected.Body, body);

    public Task<IssueComment?> TryAddUniqueCommentAsync(int number, string marker, string body, CancellationToken cancellationToken) =>
        Conditional(inner.TryAddUniqueCommentAsync(number, marker, body, cancellationToken), null, body);

    public Task UpdateLabelsAsync(int number, IReadOnlyCollection<string> add, IReadOnlyCollection<string> remove, CancellationToken cancellationToken) => Write(inner.UpdateLabelsAsync(number, add, remove, cancellationToken));

    public Task SetStateAsync(int number, IssueState state, CancellationToken cancellationToken) => Write(inner.SetStateAsync(number, state, cancellationToken));

    public Task<RepositoryPermission> GetPermissionAsync(string login, CancellationToken cancellationToken) => Read(inner.GetPermissionAsync(login, cancellationToken));

    public Task AddReactionAsync(int number, long commentId, string reaction, CancellationToken cancellationToken) => Write(inner.AddReactionAsync(number, commentId, reaction, cancellationToken));

    public Task<IReadOnlyList<LabelDefinition>> ListLabelsAsync(CancellationToken cancellationToken) => Read(inner.ListLabelsAsync(cancellationToken));

    public Task UpsertLabelAsync(LabelDefinition label, CancellationToken cancellationToken) => Write(inner.UpsertLabelAsync(label, cancellationToken));

    /// <summary>Counted as the store counts it: one transaction on SQLite, one per call elsewhere.</summary>
    public async Task<IssueWriteResult> WriteIssueAsync(int number, IReadOnlyList<IssueWrite> writes, CancellationToken cancellationToken)
    {
        var made = await inner.WriteIssueAsync(number, writes, cancellationToken);
        Interlocked.Add(ref _writes, made.Writes);
        foreach (var post in writes.Take(made.Writes).OfType<CommentWrite>().Where(w => w.CommentId is null))
        {
            Keep(number, post.Body);
        }

        return made;
    }

    /// <summary>The inner store's sub-issues, a link counted as one write; unsupported when the inner store has none.</summary>
    public async Task<SubIssueLinkResult> LinkSubIssueAsync(int parent, int child, CancellationToken cancellationToken)
    {
        if (inner is not ISubIssueLinks links)
        {
            return SubIssueLinkResult.Unsupported;
        }

        var result = await links.LinkSubIssueAsync(parent, child, cancellationToken);
        if (result.Outcome == SubIssueLinkOutcome.Linked)
        {
            Interlocked.Increment(ref _writes);
        }

        return result;
    }

    private void Keep(int number, string body)
    {
        if (RecordPosts)
        {
            _posted.Enqueue((number, body));
        }
    }

    // Counted when they complete: a call refused by a rate limit (deferred) made no write.
    private async Task<T> Read<T>(Task<T> task)
    {
        var result = await task;
        Interlocked.Increment(ref _reads);
        return result;
    }

    private async Task<T> Write<T>(Task<T> task)
    {
        var result = await task;
        Interlocked.Increment(ref _writes);
        return result;
    }

    // A conditional write that lost (null) or had nothing to change wrote nothing; its read-back counts as a read.
    private async Task<IssueComment?> Conditional(Task<IssueComment?> task, string? before, string body)
    {
        var result = await task;
        if (result is null || string.Equals(before, body, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _reads);
        }
        else
        {
            Interlocked.Increment(ref _writes);
        }

        return result;
    }

    private async Task Write(Task task)
    {
        await task;
        Interlocked.Increment(ref _writes);
    }
}
