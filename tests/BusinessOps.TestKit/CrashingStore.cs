using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;

namespace BusinessOps.TestKit;

/// <summary>
/// A store whose process "dies" at its <see cref="CrashAt"/>-th write: that write either never leaves (<see cref="LandsLast"/>
/// false) or lands and the process dies before it hears back (true), and every later call fails as a dead process's would
/// (cancelled). Reads pass through. Used to kill the coordinator at randomised points of a pass, in process.
/// </summary>
public sealed class CrashingStore(IIssueStore inner, int crashAt, bool landsLast) : IIssueStore
{
    private int _writes;
    private volatile bool _dead;
    private bool _heard;

    /// <summary>
    /// A store whose job is cancelled right after its <paramref name="writes"/>-th write lands and is heard back (as a
    /// cancelled Actions job's would be): every later call fails as cancelled.
    /// </summary>
    public static CrashingStore StopAfter(IIssueStore inner, int writes) => new(inner, writes, landsLast: true) { _heard = true };

    public int CrashAt => crashAt;

    public IIssueStore Inner => inner;

    public bool LandsLast => landsLast;

    /// <summary>True once the crash happened (a pass with fewer writes than <see cref="CrashAt"/> ends normally).</summary>
    public bool Crashed => _dead;

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

    private Task<T> Read<T>(Func<Task<T>> call) => _dead ? throw Dead() : call();

    private async Task<T> Write<T>(Func<Task<T>> call)
    {
        if (_dead)
        {
            throw Dead();
        }

        if (Interlocked.Increment(ref _writes) != crashAt)
        {
            return await call();
        }

        _dead = true;
        if (landsLast)
        {
            var landed = await call();
            if (_heard)
            {
                return landed;
            }
        }

        throw Dead();
    }

    private static OperationCanceledException Dead() => new("the coordinator process was killed (fault injection)");
}
