using BusinessOps.Core.Agents;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Labels;

namespace BusinessOps.Coordinator.Reconcile.FairShare;

/// <summary>
/// The fair share of one pass's new agent runs between clients (issue 12: "Batch fair share per client"). Priority order
/// stays: every P0 before any P1, and so on. Within one priority the clients with queued work take turns by deficit round
/// robin, each turn worth its <c>share</c> (<c>policies/tenants.yml</c>), each client's runs in the pass's SLA order — so a
/// burst of 500 issues of one client cannot starve another client's 3. A client at its own <c>maxConcurrent</c> (runs in
/// flight across executors and passes, plus those started here) waits; once the pass's budget (<c>fairShare.perPass</c>)
/// is spent the rest wait for the next pass, except P0, which only its client's own limit holds. Pure and O(n).
/// </summary>
internal static class FairShareSelector
{
    /// <summary>The key of work without a client label: the business's own, one more participant with share 1.</summary>
    public const string OwnWork = "";

    /// <param name="entries">The pass's new runs in its priority/SLA order (indices as the caller numbers them).</param>
    /// <param name="inFlight">Runs in flight per client before this pass starts any (clients with a limit only).</param>
    /// <param name="clients">The client profiles (<c>share</c>, <c>maxConcurrent</c>); null: no clients configured.</param>
    /// <param name="perPass">The pass's budget of new runs; null: none.</param>
    public static FairShareSelection Select(IReadOnlyList<FairShareEntry> entries, IReadOnlyDictionary<string, int> inFlight, IReadOnlyDictionary<string, ClientProfile>? clients, int? perPass)
    {
        var admitted = new List<int>(entries.Count);
        var held = new List<(int, DispatchHold)>();
        var running = new Dictionary<string, int>(inFlight, StringComparer.OrdinalIgnoreCase);
        var budget = perPass ?? int.MaxValue;
        foreach (var group in entries.GroupBy(e => e.Priority).OrderBy(g => g.Key))
        {
            var queues = new List<ClientQueue>();
            var byClient = new Dictionary<string, ClientQueue>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in group)
            {
                if (entry.Exempt)
                {
                    admitted.Add(entry.Index);
                    continue;
                }

                var key = entry.Client ?? OwnWork;
                if (!byClient.TryGetValue(key, out var queue))
                {
                    var profile = key.Length == 0 || clients is null ? null : clients.GetValueOrDefault(key);
                    queue = new ClientQueue(key, Math.Max(1, profile?.Share ?? 1), profile?.MaxConcurrent);
                    byClient[key] = queue;
                    queues.Add(queue);
                }

                queue.Items.Enqueue(entry);
            }

            budget = Rounds(queues, group.Key, budget, running, admitted, held);
        }

        return new FairShareSelection(admitted, held);
    }

    // Deficit round robin over one priority's client queues; returns the budget left.
    private static int Rounds(List<ClientQueue> active, Priority priority, int budget, Dictionary<string, int> running, List<int> admitted, List<(int, DispatchHold)> held)
    {
        while (active.Count > 0)
        {
            foreach (var queue in active)
            {
                queue.Deficit += queue.Share;
                while (queue.Deficit >= 1 && queue.Items.TryDequeue(out var entry))
                {
                    var now = running.GetValueOrDefault(queue.Client);
                    if (queue.Max is { } max && now >= max)
                    {
                        HoldAll(queue, entry, DispatchHold.AtClientLimit(queue.Client, max), held);
                        break;
                    }

                    if (budget <= 0 && priority != Priority.P0)
                    {
                        HoldAll(queue, entry, DispatchHold.PassBudget, held);
                        break;
                    }

                    admitted.Add(entry.Index);
                    running[queue.Client] = now + 1;
                    budget = budget == int.MaxValue ? budget : budget - 1;
                    queue.Deficit--;
                }

                if (queue.Items.Count == 0)
                {
                    queue.Deficit = 0;
                }
            }

            active.RemoveAll(q => q.Items.Count == 0);
        }

        return budget;
    }

    private static void HoldAll(ClientQueue queue, FairShareEntry first, DispatchHold hold, List<(int, DispatchHold)> held)
    {
        held.Add((first.Index, hold));
        while (queue.Items.TryDequeue(out var rest))
        {
            held.Add((rest.Index, hold));
        }
    }
}
