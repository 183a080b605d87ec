using BusinessOps.Faults.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace BusinessOps.Faults.Tests.Concurrency;

/// <summary>
/// Issue 9 defect 2 / issue 10 defect 5: two or three <c>run --once</c> at the same time on one store (a cron pass and
/// an event job; two operators). Before the lease: 200 issues got two status comments each and 400 agent starts. Now:
/// exactly one dispatch per key, no duplicate comment, and the same end state as one pass alone.
/// </summary>
public sealed class ConcurrentPassTests(ITestOutputHelper output)
{
    private const int Issues = 200;

    [Theory]
    [InlineData(2, "local")]
    [InlineData(3, "local")]
    [InlineData(2, "batch")]
    [InlineData(3, "batch")]
    public async Task PassesAtOnce_Sqlite_OneDispatchPerKeyNoDuplicateComments(int passes, string executor)
    {
        await using var world = new SqliteWorld();
        await AssertOneDispatchPerKeyAsync(world, passes, executor);
    }

    [Theory]
    [InlineData(2, "local")]
    [InlineData(3, "local")]
    [InlineData(2, "batch")]
    [InlineData(3, "batch")]
    public async Task PassesAtOnce_FakeGitHub_OneDispatchPerKeyNoDuplicateComments(int passes, string executor)
    {
        await using var world = await GitHubWorld.StartAsync();
        await AssertOneDispatchPerKeyAsync(world, passes, executor);
    }

    private async Task AssertOneDispatchPerKeyAsync(World world, int passes, string executorName)
    {
        await world.FileAsync(Issues);
        var executor = new LedgerExecutor(executorName);
        using var go = new ManualResetEventSlim();
        var running = Enumerable.Range(0, passes).Select(_ => Task.Run(async () =>
        {
            go.Wait();
            return await world.PassAsync(executor);
        })).ToList();
        go.Set();
        var results = await Task.WhenAll(running);
        await world.ConvergeAsync(executor);

        var audit = Audit.Of(await world.IssuesAsync(), world.Identity);
        output.WriteLine($"{passes} passes at once, {executorName}: {executor.Requests.Count} dispatches, {executor.Requests.Select(r => r.Key).Distinct().Count()} keys, {executor.DuplicateKeys.Count} keys twice, {audit.Duplicates.Count} duplicate comments, writes {string.Join("/", results.Select(r => r.Writes))}");
        Assert.Empty(executor.DuplicateKeys);
        Assert.Empty(audit.Duplicates);
        Assert.Equal(0, results.Sum(r => r.Failed));

        // Every issue's first key went out exactly once (local runs also their execute phase).
        Assert.Equal(Issues, executor.Requests.Select(r => r.Issue.Number).Distinct().Count());
    }
}
