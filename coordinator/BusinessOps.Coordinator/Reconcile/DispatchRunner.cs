using BusinessOps.Coordinator.Execution;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Reconcile;

/// <summary>
/// Runs the pass's dispatches: P0 first, bounded parallelism. The intent is already on the issue; after a
/// synchronous run the issue is re-read and settled at once, and a crashed agent's failure is recorded for it.
/// </summary>
internal sealed class DispatchRunner(CountingIssueStore store, IExecutor executor, PolicySet policies, TimeProvider clock, ReconcileOptions options, Log log, IReadOnlyList<IssueSnapshot>? openIssues = null)
{
    // What each agent is handed besides its issue; built from this pass's list of open issues when the pass read them all.
    private readonly DispatchContextBuilder _contexts = new(store, policies, openIssues);

    private int _dispatched;
    private int _failed;

    public async Task<(int Dispatched, int Failed)> RunAsync(List<(IssueSnapshot Issue, DispatchAgent Dispatch)> pending, CancellationToken ct)
    {
        var ordered = pending.OrderBy(p => p.Dispatch.Priority).ThenBy(p => p.Issue.Number).ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Concurrency), CancellationToken = ct };
        await Parallel.ForEachAsync(ordered, parallel, async (item, token) =>
        {
            try
            {
                await RunOneAsync(item.Issue, item.Dispatch, token);
            }
            catch (IssueStoreException ex)
            {
                Interlocked.Increment(ref _failed);
                log.Error($"#{item.Issue.Number}: {ex.Message}");
            }
        });
        return (_dispatched, _failed);
    }

    private async Task RunOneAsync(IssueSnapshot issue, DispatchAgent d, CancellationToken ct)
    {
        if (!options.DispatchImmediately && await store.GetIssueAsync(issue.Number, ct) is { } queued)
        {
            // Leaving the queue: the label and the status comment both say so before the agent starts.
            await store.UpdateLabelsAsync(issue.Number, [LabelNames.For(IssueStatus.InProgress)], [LabelNames.For(IssueStatus.Queued)], ct);
            var (id, body, _) = IssueStateReader.Amend(queued, policies, s => s with { Status = LabelNames.For(IssueStatus.InProgress) });
            await ActionApplier.UpsertAsync(store, issue.Number, id, body, ct);
        }

        log.Info($"#{issue.Number} {d.Agent} dispatched ({d.Priority}, {d.Key})");
        var context = await _contexts.BuildAsync(issue, d.Agent, d.Tenant, ct);
        var request = new DispatchRequest(d.Key, d.Agent, policies.Repository, issue, d.Attempt, d.Phase, d.Priority, d.Tenant, context);
        var outcome = await executor.DispatchAsync(request, ct);
        Interlocked.Increment(ref _dispatched);
        if (outcome.Status == DispatchStatus.Submitted)
        {
            // The intent (key) is already on the issue and the job is found by its key: no further write or read here.
            log.Debug($"#{issue.Number} {d.Agent} submitted to {outcome.Executor} as {outcome.ExternalId}");
            return;
        }

        var fresh = await store.GetIssueAsync(issue.Number, ct);
        if (fresh is null)
        {
            return;
        }

        // The coordinator is the only writer: the agent's full result (or, when it produced none, the failure) in one comment per key.
        if (ResultComment.ToWrite(fresh, policies.Identity, d, outcome) is { } resultComment)
        {
            var comment = await store.AddCommentAsync(issue.Number, resultComment, ct);
            fresh = fresh with { Comments = [.. fresh.Comments, comment] };
        }

        if (outcome.Status == DispatchStatus.Failed)
        {
            log.Warn($"#{issue.Number} {d.Agent} failed: {outcome.Error}");
        }

        // Settle at once so a local run ends the pass in its final state (the next pass would do the same).
        var settle = Decider.Decide(fresh, policies, clock.GetUtcNow(), new DecisionContext { Executor = executor.Name, DispatchImmediately = options.DispatchImmediately });
        await ActionApplier.ApplyAsync(store, fresh, [.. settle.Where(a => a is not (DispatchAgent or LookupPermissions))], log, ct);
    }
}
