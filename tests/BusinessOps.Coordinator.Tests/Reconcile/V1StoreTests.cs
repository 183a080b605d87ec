using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;
using BusinessOps.LocalStore;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Reconcile;

/// <summary>
/// The real shell on the SQLite store the previous release's <c>coordinator demo</c> wrote (status markers of schema
/// version 1): converged issues cost no write, only what the routing fix changes is rewritten, and what the coordinator
/// writes next is version 2.
/// </summary>
public sealed class V1StoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "bo-v1-" + Guid.NewGuid().ToString("n"));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 10, 13, 0, TimeSpan.Zero));

    public V1StoreTests()
    {
        Directory.CreateDirectory(_dir);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "v1-demo.db"), Path.Combine(_dir, "demo.db"));
    }

    [Fact]
    public async Task RunOnce_StoreWrittenByVersion1_OnlyTheMisroutedPlanIsRewrittenThenNothing()
    {
        using var store = Open("businessops[bot]");
        var executor = new ScriptedExecutor();
        var reconciler = Reconciler(store, executor);

        var first = await reconciler.RunOnceAsync(CancellationToken.None);
        var second = await reconciler.RunOnceAsync(CancellationToken.None);

        // #18 (one client, customer-facing) waited for the head of customer success; it waits for the customer success manager.
        Assert.Equal(1, first.Writes);
        Assert.Contains("Waiting for approval: Customer success manager 0 of 1.", await StatusAsync(store, 18), StringComparison.Ordinal);
        Assert.Contains("{\"v\":2,", await StatusAsync(store, 18), StringComparison.Ordinal);
        Assert.Equal(0, second.Writes);
        Assert.Empty(executor.Requests);
    }

    [Fact]
    public async Task RunOnce_Version1PlanApprovedByTheRightRole_ExecutesAndWritesVersion2()
    {
        using var store = Open("businessops[bot]");
        var executor = new ScriptedExecutor();
        await Reconciler(store, executor).RunOnceAsync(CancellationToken.None);
        Assert.Contains("{\"v\":1,", await StatusAsync(store, 24), StringComparison.Ordinal);

        _clock.Advance(TimeSpan.FromMinutes(1));
        using (var carla = Open("carla"))
        {
            await carla.AddCommentAsync(24, "/approve", CancellationToken.None);
        }

        _clock.Advance(TimeSpan.FromMinutes(1));
        await Reconciler(store, executor).RunOnceAsync(CancellationToken.None);

        var execute = Assert.Single(executor.Requests);
        Assert.Equal((24, IdempotencyKey.ExecutePhase), (execute.Issue.Number, execute.Phase));
        var issue = (await store.GetIssueAsync(24, CancellationToken.None))!;
        Assert.Contains("status/done", issue.Labels);
        Assert.Equal((IssueStatus.Done, 2), (IssueStateReader.Read(issue, store.Identity).State.Status, IssueStateReader.Read(issue, store.Identity).State.V));
        Assert.Contains("{\"v\":2,", await StatusAsync(store, 24), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static async Task<string> StatusAsync(SqliteIssueStore store, int number) =>
        (await store.GetIssueAsync(number, CancellationToken.None))!.Comments.First(c => c.Body.Contains("businessops:state", StringComparison.Ordinal)).Body;

    private SqliteIssueStore Open(string actor) => SqliteIssueStore.Open(Path.Combine(_dir, "demo.db"), actor, _clock);

    private Reconciler Reconciler(SqliteIssueStore store, ScriptedExecutor executor) =>
        new(store, executor, PolicySet.Default with { Repository = "local/demo" }, _clock, new ReconcileOptions(1), Log.Quiet);
}
