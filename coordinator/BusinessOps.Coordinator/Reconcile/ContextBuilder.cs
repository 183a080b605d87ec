using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Reconcile;

/// <summary>Gathers the facts <c>Decide</c> needs beyond one snapshot: today's spending, executor reports.</summary>
internal static class ContextBuilder
{
    public static async Task<DecisionContext> BuildAsync(IReadOnlyList<IssueSnapshot> issues, PolicySet policies, IExecutor executor, TimeProvider clock, bool immediate, CancellationToken ct)
    {
        var today = clock.GetUtcNow().UtcDateTime.Date;
        decimal spent = 0;
        var byClient = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        var tracked = new List<TrackedDispatch>();
        foreach (var issue in issues)
        {
            var clients = issue.Labels.Where(l => l.StartsWith(LabelNames.ClientPrefix, StringComparison.OrdinalIgnoreCase)).Select(l => l[LabelNames.ClientPrefix.Length..].ToLowerInvariant()).ToList();
            foreach (var (record, at) in IssueStateReader.Results(issue, policies.Identity))
            {
                if (at.UtcDateTime.Date == today)
                {
                    spent += record.CostUsd;
                    foreach (var c in clients)
                    {
                        byClient[c] = byClient.GetValueOrDefault(c) + record.CostUsd;
                    }
                }
            }

            var (state, _) = IssueStateReader.Read(issue, policies.Identity);
            if (state is { Key: { } key, Executor: { } exec } && exec != "local" && !IssueStateReader.HasResult(issue, policies.Identity, key))
            {
                // Cloud dispatches: Batch jobs are followed (by id when known, else by their key-derived name); Lambda reports through the agent.
                var kind = Enum.TryParse<Priority>(state.Priority, out var p) ? policies.Dispatch.For(p).Executor : ExecutorKind.Batch;
                var executorName = kind == ExecutorKind.Batch ? "batch" : "lambda";
                tracked.Add(new TrackedDispatch(issue.Number, key, exec == "aws" ? executorName : exec, state.ExternalId ?? string.Empty, state.DispatchedAt ?? clock.GetUtcNow()));
            }
        }

        var reports = tracked.Count == 0 ? [] : await executor.TrackAsync(tracked, ct);
        return new DecisionContext
        {
            Executor = executor.Name,
            DispatchImmediately = immediate,
            SpentTodayUsd = spent,
            SpentTodayByClient = byClient,
            Reports = reports.ToDictionary(r => r.Key, StringComparer.Ordinal),
        };
    }
}
