using BusinessOps.Coordinator.Reconcile.FairShare;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Labels;
using CsCheck;
using Xunit;

namespace BusinessOps.Coordinator.Tests.FairShare;

/// <summary>
/// Pass after pass, whatever the bursts, limits, shares and budget: every queued run starts exactly once, no client ever
/// has more than its <c>maxConcurrent</c> in flight, and a P0 waits only for its client's own limit.
/// </summary>
public sealed class FairShareEventuallyTests
{
    // One client: how many queued issues, its maxConcurrent (0: none), its share, how its issues spread over priorities.
    private static readonly Gen<(int Count, int Max, int Share, int Spread)> Client = Gen.Select(Gen.Int[0, 40], Gen.Int[0, 5], Gen.Int[1, 3], Gen.Int[0, 3]);

    [Fact]
    public void Passes_AnyBurstsLimitsSharesAndBudget_EveryQueuedRunStartsOnceWithinLimits()
    {
        // perPass 0: no budget; finished: how many of each client's runs end between two passes (oldest first).
        Gen.Select(Client.Array[1, 5], Gen.Int[0, 12], Gen.Int[1, 3]).Sample(
            (clients, perPass, finished) => Simulate(clients, perPass == 0 ? null : perPass, finished),
            iter: 400);
    }

    private static void Simulate((int Count, int Max, int Share, int Spread)[] clients, int? perPass, int finished)
    {
        var profiles = new Dictionary<string, ClientProfile>(StringComparer.OrdinalIgnoreCase);
        var queued = new List<(int Id, string Client, Priority Priority)>();
        for (var c = 0; c < clients.Length; c++)
        {
            var id = "c" + c;
            profiles[id] = new ClientProfile(id) { MaxConcurrent = clients[c].Max == 0 ? null : clients[c].Max, Share = clients[c].Share };
            for (var i = 0; i < clients[c].Count; i++)
            {
                queued.Add((queued.Count, id, (Priority)((i * clients[c].Spread) % 4)));
            }
        }

        var total = queued.Count;
        var started = new HashSet<int>();
        var running = profiles.Keys.ToDictionary(k => k, _ => new Queue<int>(), StringComparer.OrdinalIgnoreCase);
        for (var pass = 0; queued.Count > 0; pass++)
        {
            Assert.True(pass <= (2 * total) + 2, $"{queued.Count} of {total} runs still queued after {pass} passes");
            var order = queued.OrderBy(q => q.Priority).ThenBy(q => q.Id).ToList();
            var entries = order.Select((q, i) => new FairShareEntry(i, q.Priority, q.Client)).ToList();
            var inFlight = running.Where(r => profiles[r.Key].MaxConcurrent is not null).ToDictionary(r => r.Key, r => r.Value.Count, StringComparer.OrdinalIgnoreCase);

            var s = FairShareSelector.Select(entries, inFlight, profiles, perPass);

            Assert.Equal(entries.Count, s.Admitted.Count + s.Held.Count);
            Assert.Equal(entries.Count, s.Admitted.Concat(s.Held.Select(h => h.Index)).Distinct().Count());
            Assert.DoesNotContain(s.Held, h => entries[h.Index].Priority == Priority.P0 && h.Hold.Reason == DispatchHoldReason.PassBudget);
            foreach (var index in s.Admitted)
            {
                var run = order[index];
                Assert.True(started.Add(run.Id), $"run {run.Id} started twice");
                running[run.Client].Enqueue(run.Id);
            }

            foreach (var (client, runs) in running)
            {
                Assert.True(profiles[client].MaxConcurrent is not { } max || runs.Count <= max, $"{client}: {runs.Count} in flight, limit {profiles[client].MaxConcurrent}");
                for (var i = 0; i < finished && runs.Count > 0; i++)
                {
                    runs.Dequeue();
                }
            }

            var admitted = s.Admitted.Select(i => order[i].Id).ToHashSet();
            queued.RemoveAll(q => admitted.Contains(q.Id));
        }

        Assert.Equal(total, started.Count);
    }
}
