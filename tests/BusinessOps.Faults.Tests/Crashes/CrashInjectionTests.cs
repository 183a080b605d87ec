using System.Globalization;
using BusinessOps.Faults.Tests.Harness;
using BusinessOps.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace BusinessOps.Faults.Tests.Crashes;

/// <summary>
/// Crash injection in process: the coordinator "dies" at a random write of a pass over 200 issues (the write lost, or
/// landed unheard), one to three times in a row, then passes run to convergence. Every round is seeded; a failure names
/// its seed and crash points, and <c>BUSINESSOPS_FAULT_SEED</c> replays it. Target: 0 keys dispatched twice, 0 duplicate
/// comments, every issue's outcome the same as an uninterrupted run's.
/// </summary>
public sealed class CrashInjectionTests(ITestOutputHelper output)
{
    private const int Issues = 200;

    // Past a lost local run's timeout and grace and any lease; a lost Lambda run then waits for the 30-minute silence rule.
    private static readonly TimeSpan Recovery = TimeSpan.FromMinutes(20);

    [Theory]
    [InlineData("local", false, 12)]
    [InlineData("lambda", true, 8)]
    [InlineData("batch", false, 6)]
    public async Task CrashAtRandomWrites_RerunToConvergence_NoDuplicatesSameOutcomes(string executorName, bool cloudCompletes, int rounds)
    {
        var seed = Seeds.Base("crash-" + executorName);
        var (reference, firstPassWrites) = await UninterruptedAsync(executorName, cloudCompletes);
        var totals = (Crashes: 0, Dispatches: 0, Duplicates: 0);
        for (var round = 0; round < rounds; round++)
        {
            var random = new Random(seed + round);
            await using var world = new SqliteWorld();
            await world.FileAsync(Issues);
            var executor = Executor(executorName, cloudCompletes);
            var points = new List<string>();
            for (var crash = random.Next(1, 4); crash > 0; crash--)
            {
                var store = new CrashingStore(world.OpenStore(), random.Next(1, firstPassWrites + 1), landsLast: random.Next(2) == 0);
                try
                {
                    await world.PassAsync(executor, store);
                }
                catch (OperationCanceledException) when (store.Crashed)
                {
                    // The process died; the next pass starts from what the store holds.
                }
                finally
                {
                    ((IDisposable)store.Inner).Dispose();
                }

                points.Add(string.Create(CultureInfo.InvariantCulture, $"{(store.Crashed ? "crash" : "no crash")} at write {store.CrashAt} ({(store.LandsLast ? "landed" : "lost")})"));
                totals.Crashes += store.Crashed ? 1 : 0;
            }

            world.Advance(Recovery);
            await world.ConvergeAsync(executor, runsComplete: executor.Synchronous);

            var audit = Audit.Of(await world.IssuesAsync(), world.Identity);
            var what = $"seed {seed + round} (BUSINESSOPS_FAULT_SEED={seed} round {round}): {string.Join("; ", points)}";
            Assert.True(executor.DuplicateKeys.Count == 0, $"{what}: keys dispatched twice: {string.Join(", ", executor.DuplicateKeys)}");
            Assert.True(audit.Duplicates.Count == 0, $"{what}: {string.Join("; ", audit.Duplicates)}");
            var differ = reference.Outcomes.Where(o => audit.Outcomes[o.Key] != o.Value).Select(o => $"#{o.Key}: {audit.Outcomes[o.Key]} (uninterrupted: {o.Value})").ToList();
            Assert.True(differ.Count == 0, $"{what}: outcomes differ: {string.Join("; ", differ.Take(5))}");
            totals.Dispatches += executor.Requests.Count;
        }

        output.WriteLine($"{executorName}{(cloudCompletes ? " (runs complete at once)" : string.Empty)}: {rounds} rounds of {Issues} issues, {totals.Crashes} crashes, {totals.Dispatches} dispatches, 0 keys twice, 0 duplicate comments, outcomes as uninterrupted (seed {seed})");
    }

    /// <summary>The outcomes of the same issues without a crash, and how many writes the first pass made (the crash points' range).</summary>
    private static async Task<(Audit Reference, int FirstPassWrites)> UninterruptedAsync(string executorName, bool cloudCompletes)
    {
        await using var world = new SqliteWorld();
        await world.FileAsync(Issues);
        var executor = Executor(executorName, cloudCompletes);
        var first = await world.PassAsync(executor);
        world.Advance(Recovery);
        await world.ConvergeAsync(executor, runsComplete: executor.Synchronous);
        return (Audit.Of(await world.IssuesAsync(), world.Identity), first.Writes);
    }

    private static LedgerExecutor Executor(string name, bool cloudCompletes) => new(name, name == "local" || cloudCompletes);
}
