using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Reconcile;

/// <summary>
/// A pass killed after deciding but before the agents started (issue 9, defect 10): a local run's intent is recorded with its
/// start (issue 15, item 3), so nothing was written for it and the next pass starts it at once, with the first attempt's
/// key, and nothing is charged as a failure.
/// </summary>
public sealed class LostRunTests
{
    [Fact]
    public async Task RunOnce_AfterCrashBeforeAgentStarted_NothingRecordedAndNextPassDispatchesFirstAttemptWithoutFailure()
    {
        var s = new Shell();
        var n = await s.FileAsync("QA", "### Test results\n\n<xml/>", "dev/qa", "priority/P2");
        using var crash = new CancellationTokenSource();
        var dying = new CrashAfterWrites(s.Store, writes: 0, crash);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => s.Reconciler(store: dying).RunOnceAsync(crash.Token));
        Assert.Empty(s.Executor.Requests);
        var untouched = await s.IssueAsync(n);
        Assert.DoesNotContain(untouched.Labels, l => l.StartsWith("status/", StringComparison.Ordinal));
        Assert.Empty(untouched.Comments);

        s.Clock.Advance(TimeSpan.FromMinutes(1));
        await s.PassAsync();

        var request = Assert.Single(s.Executor.Requests);
        Assert.Contains($"#{n}/a1/", request.Key, StringComparison.Ordinal);
        var state = await s.StateAsync(n);
        Assert.Equal(0, state.Failures);
        Assert.Contains("status/done", (await s.IssueAsync(n)).Labels);
    }

    [Fact]
    public async Task RunOnce_LocalRunStartedButNoResultWithinTimeout_CountsAsFailure()
    {
        var s = new Shell();
        s.Executor.Script = _ => null;
        var n = await s.FileAsync("QA", "### Test results\n\n<xml/>", "dev/qa", "priority/P2");
        await s.PassAsync();
        Assert.Contains("status/in-progress", (await s.IssueAsync(n)).Labels);

        s.Clock.Advance(TimeSpan.FromMinutes(11));
        s.Executor.Script = Plans.Routine;
        await s.PassAsync();

        Assert.Equal(1, (await s.StateAsync(n)).Failures);
    }

    /// <summary>A store whose process "dies" (the token is cancelled) once it has made <c>writes</c> writes: at the next write it tries.</summary>
    private sealed class CrashAfterWrites(IIssueStore inner, int writes, CancellationTokenSource crash) : IIssueStore
    {
        private int _writes;

        public string Identity => inner.Identity;

        public string Location => inner.Location;

        public Task<IReadOnlyList<IssueSnapshot>> ListIssuesAsync(IssueQuery query, CancellationToken cancellationToken) => inner.ListIssuesAsync(query, cancellationToken);

        public Task<IssueSnapshot?> GetIssueAsync(int number, CancellationToken cancellationToken) => inner.GetIssueAsync(number, cancellationToken);

        public Task<IssueSnapshot> CreateIssueAsync(NewIssue issue, CancellationToken cancellationToken) => Written(() => inner.CreateIssueAsync(issue, cancellationToken));

        public Task<IssueComment> AddCommentAsync(int number, string body, CancellationToken cancellationToken) => Written(() => inner.AddCommentAsync(number, body, cancellationToken));

        public Task<IssueComment> UpdateCommentAsync(int number, long commentId, string body, CancellationToken cancellationToken) => Written(() => inner.UpdateCommentAsync(number, commentId, body, cancellationToken));

        public Task<IssueComment?> TryUpdateCommentAsync(int number, IssueComment expected, string body, CancellationToken cancellationToken) => Written(() => inner.TryUpdateCommentAsync(number, expected, body, cancellationToken));

        public Task<IssueComment?> TryAddUniqueCommentAsync(int number, string marker, string body, CancellationToken cancellationToken) => Written(() => inner.TryAddUniqueCommentAsync(number, marker, body, cancellationToken));

        public async Task UpdateLabelsAsync(int number, IReadOnlyCollection<string> add, IReadOnlyCollection<string> remove, CancellationToken cancellationToken) =>
            await Written(() => Done(inner.UpdateLabelsAsync(number, add, remove, cancellationToken)));

        public async Task SetStateAsync(int number, IssueState state, CancellationToken cancellationToken) => await Written(() => Done(inner.SetStateAsync(number, state, cancellationToken)));

        public Task<RepositoryPermission> GetPermissionAsync(string login, CancellationToken cancellationToken) => inner.GetPermissionAsync(login, cancellationToken);

        public async Task AddReactionAsync(int number, long commentId, string reaction, CancellationToken cancellationToken) => await Written(() => Done(inner.AddReactionAsync(number, commentId, reaction, cancellationToken)));

        public Task<IReadOnlyList<LabelDefinition>> ListLabelsAsync(CancellationToken cancellationToken) => inner.ListLabelsAsync(cancellationToken);

        public async Task UpsertLabelAsync(LabelDefinition label, CancellationToken cancellationToken) => await Written(() => Done(inner.UpsertLabelAsync(label, cancellationToken)));

        private static async Task<bool> Done(Task task)
        {
            await task;
            return true;
        }

        private async Task<T> Written<T>(Func<Task<T>> write)
        {
            if (Volatile.Read(ref _writes) >= writes)
            {
                // Killed before this write: it is not made.
                await crash.CancelAsync();
                throw new OperationCanceledException(crash.Token);
            }

            var result = await write();
            if (Interlocked.Increment(ref _writes) >= writes)
            {
                await crash.CancelAsync();
            }

            return result;
        }
    }
}
