using System.Text.Json;
using BusinessOps.Core;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Kpis;
using BusinessOps.Core.Kpis.Snapshots;
using BusinessOps.Core.Ports;
using CsCheck;
using Xunit.Abstractions;

namespace BusinessOps.LocalStore.Tests.Kpis;

/// <summary>
/// The fast path (KPIs aggregated in SQL over the index, <see cref="SqliteIssueStore.ComputeKpisAsync"/>) against a full
/// recompute (<see cref="KpiCalculator.Compute"/> over every row of the index, and over facts built from a full listing),
/// on random stores, for every period and for clients of either case, before and after a round of writes the index must notice.
/// </summary>
public sealed class FactsKpisPropertyTests(ITestOutputHelper output)
{
    private static readonly string?[] Clients = [null, "acme", "ACME", "globex", "beta-1", "nobody"];

    [Fact]
    public async Task ComputeKpisAsync_RandomStores_EqualsFullRecompute()
    {
        var gen = CsCheck.Gen.Select(IssuePlan.Gen.Array[1, 40], CsCheck.Gen.Int[0, 1000].Array[0, 10]);
        await gen.SampleAsync(
            async (plans, touches) =>
            {
                using var temp = new TempStore();
                var clock = new AnyTimeClock();
                using var store = SqliteIssueStore.Open(temp.Path, BotIdentity.Login, SqliteIssueStoreOptions.Default, clock);
                var numbers = new List<int>();
                for (var i = 0; i < plans.Length; i++)
                {
                    numbers.Add(await plans[i].WriteAsync(store, clock, i));
                }

                await AssertSameAsync(store);

                // Writes after the index was built: a label, a reopened or closed issue, a new comment — some at the very
                // moment of the build (no later timestamp to compare).
                foreach (var t in touches)
                {
                    var n = numbers[t % numbers.Count];
                    clock.Now = IssuePlan.Now.AddMinutes(-(t % 3) * 600);
                    await ((t % 4) switch
                    {
                        0 => store.UpdateLabelsAsync(n, ["status/done"], ["status/in-progress", "status/awaiting-approval", "status/failed"], CancellationToken.None),
                        1 => store.SetStateAsync(n, t % 8 == 1 ? IssueState.Open : IssueState.Closed, CancellationToken.None),
                        2 => store.UpdateLabelsAsync(n, ["client/globex", "sla/breached"], [], CancellationToken.None),
                        _ => (Task)store.AddCommentAsync(n, "A note from a person", CancellationToken.None),
                    });
                }

                await AssertSameAsync(store);
            },
            writeLine: output.WriteLine,
            iter: 25,
            threads: 1);
    }

    private static async Task AssertSameAsync(SqliteIssueStore store)
    {
        var rows = await store.ReadFactsAsync(refresh: true, CancellationToken.None);
        var listed = (await store.ListIssuesAsync(new IssueQuery(IssueStateFilter.All), CancellationToken.None)).Select(i => IssueFactsBuilder.From(i, store.Identity)).ToList();
        Assert.Equal(Json(listed), Json(rows));
        Assert.Equal(
            rows.SelectMany(f => f.Clients).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal),
            await store.ReadClientsAsync(CancellationToken.None));
        foreach (var kind in Enum.GetValues<KpiPeriodKind>())
        {
            foreach (var client in Clients)
            {
                // Now, and a moment inside the history, so the period cuts through it.
                foreach (var now in new[] { IssuePlan.Now, IssuePlan.Now.AddDays(-9).AddHours(-5) })
                {
                    var query = KpiQuery.For(kind, now, client);
                    var expected = Json(KpiCalculator.Compute(rows, query));
                    Assert.Equal(Json(KpiCalculator.Compute(listed, query)), expected);
                    Assert.Equal(expected, Json(await store.ComputeKpisAsync(query, CancellationToken.None)));
                }
            }
        }
    }

    private static string Json(KpiSnapshot snapshot) => JsonSerializer.Serialize(snapshot, KpiJson.Pretty.KpiSnapshot);

    private static string Json(IEnumerable<IssueFacts> facts) =>
        string.Join('\n', facts.OrderBy(f => f.Number).Select(f => f with { Clients = [.. f.Clients], Board = null } + " clients=" + string.Join(',', f.Clients) + " board=" + (f.Board is null ? "-" : "set")));
}
