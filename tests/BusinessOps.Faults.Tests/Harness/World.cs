using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;

namespace BusinessOps.Faults.Tests.Harness;

/// <summary>
/// One repository and the coordinators that work on it: SQLite (one file, one connection per pass, as separate processes
/// have) or the fake GitHub (one store and cache per pass, as separate Actions jobs have). Every pass is the real shell.
/// </summary>
internal abstract class World : IAsyncDisposable
{
    public abstract TimeProvider Clock { get; }

    public abstract PolicySet Policies { get; }

    /// <summary>The login the coordinator writes as (markers are trusted from it only).</summary>
    public abstract string Identity { get; }

    /// <summary>Files <paramref name="count"/> issues as people do (forms: a routing and a priority label).</summary>
    public abstract Task<IReadOnlyList<int>> FileAsync(int count);

    /// <summary>A store of its own, as a separate coordinator process would open.</summary>
    public abstract IIssueStore OpenStore();

    /// <summary>Lets time pass (fake clocks only).</summary>
    public abstract void Advance(TimeSpan by);

    /// <summary>One <c>run --once</c> on a store of its own (or <paramref name="store"/>).</summary>
    public async Task<PassResult> PassAsync(IExecutor executor, IIssueStore? store = null, CancellationToken cancellationToken = default)
    {
        var own = store is null ? OpenStore() : null;
        try
        {
            var options = new ReconcileOptions(Concurrency: 4, DryRun: false, DispatchImmediately: executor.Name != "local");
            return await new Reconciler(store ?? own!, executor, Policies, Clock, options, Log.Quiet).RunOnceAsync(cancellationToken);
        }
        finally
        {
            (own as IDisposable)?.Dispose();
        }
    }

    /// <summary>
    /// Passes one after the other, 5 minutes apart, until one writes and dispatches nothing and no issue waits on a timer:
    /// a retry's backoff (<c>status/failed</c>), or with <paramref name="runsComplete"/> a run whose result was lost (the
    /// silence rule fails it). At most <paramref name="max"/> passes.
    /// </summary>
    public async Task<int> ConvergeAsync(IExecutor executor, int max = 16, bool runsComplete = false)
    {
        string[] waiting = runsComplete ? ["status/failed", "status/in-progress", "status/queued"] : ["status/failed"];
        for (var i = 1; i <= max; i++)
        {
            Advance(TimeSpan.FromMinutes(5));
            var pass = await PassAsync(executor);
            if (pass.Writes == 0 && pass.Dispatched == 0 && !(await IssuesAsync()).Any(issue => waiting.Any(issue.HasLabel)))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"not converged after {max} passes");
    }

    public async Task<IReadOnlyList<IssueSnapshot>> IssuesAsync()
    {
        var store = OpenStore();
        try
        {
            return await store.ListIssuesAsync(new IssueQuery(IssueStateFilter.All), CancellationToken.None);
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }

    public abstract ValueTask DisposeAsync();
}
