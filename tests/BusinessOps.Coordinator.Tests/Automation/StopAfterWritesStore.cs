using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Tests.Automation;

/// <summary>
/// A store whose job is cancelled right after its <c>n</c>-th write lands (the write is made, the job hears back, then
/// stops): every later call throws <see cref="OperationCanceledException"/>, as a cancelled Actions job's would.
/// </summary>
internal sealed class StopAfterWritesStore(IIssueStore inner, int stopAfter) : IIssueStore
{
    private int _writes;

    /// <summary>True once the job was stopped (a job with fewer writes ends normally).</summary>
    public bool Stopped => _writes >= stopAfter;

    public string Identity => inner.Identity;

    public string Location => inner.Location;

    public Task<IReadOnlyList<IssueSnapshot>> ListIssuesAsync(IssueQuery query, CancellationToken cancellationToken) => Read(() => inner.ListIssuesAsync(query, cancellationToken));

    public Task<IssueSnapshot?> GetIssueAsync(int number, CancellationToken cancellationToken) => Read(() => inner.GetIssueAsync(number, cancellationToken));

    public Task<IssueSnapshot> CreateIssueAsync(NewIssue issue, CancellationToken cancellationToken) => Write(() => inner.CreateIssueAsync(issue, cancellationToken));

    public Task<IssueComment> AddCommentAsync(int number, string body, CancellationToken cancellationToken) => Write(() => inner.AddCommentAsync(number, body, cancellationToken));

    public Task<IssueComment> UpdateCommentAsync(int number, long commentId, string body, CancellationToken cancellationToken) => Write(() => inner.UpdateCommentAsync(number, commentId, body, cancellationToken));

    public Task<IssueComment?> TryUpdateCommentAsync(int number, IssueComment expected, string body, CancellationToken cancellationToken) => Write(() => inner.TryUpdateCommentAsync(number, expected, body, cancellationToken));

    public Task<IssueComment?> TryAddUniqueCommentAsync(int number, string marker, string body, CancellationToken cancellationToken) => Write(() => inner.TryAddUniqueCommentAsync(number, marker, body, cancellationToken));

    public Task UpdateLabelsAsync(int number, IReadOnlyCollection<string> add, IReadOnlyCollection<string> remove, CancellationToken cancellationToken) => Write(() => Done(inner.UpdateLabelsAsync(number, add, remove, cancellationToken)));

    public Task SetStateAsync(int number, IssueState state, CancellationToken cancellationToken) => Write(() => Done(inner.SetStateAsync(number, state, cancellationToken)));

    public Task<RepositoryPermission> GetPermissionAsync(string login, CancellationToken cancellationToken) => Read(() => inner.GetPermissionAsync(login, cancellationToken));

    public Task AddReactionAsync(int number, long commentId, string reaction, CancellationToken cancellationToken) => Write(() => Done(inner.AddReactionAsync(number, commentId, reaction, cancellationToken)));

    public Task<IReadOnlyList<LabelDefinition>> ListLabelsAsync(CancellationToken cancellationToken) => Read(() => inner.ListLabelsAsync(cancellationToken));

    public Task UpsertLabelAsync(LabelDefinition label, CancellationToken cancellationToken) => Write(() => Done(inner.UpsertLabelAsync(label, cancellationToken)));

    private static async Task<bool> Done(Task task)
    {
        await task;
        return true;
    }

    private Task<T> Read<T>(Func<Task<T>> call) => Stopped ? throw new OperationCanceledException("the job was cancelled") : call();

    private async Task<T> Write<T>(Func<Task<T>> call)
    {
        if (Stopped)
        {
            throw new OperationCanceledException("the job was cancelled");
        }

        var result = await call();
        Interlocked.Increment(ref _writes);
        return result;
    }
}
