using BusinessOps.Coordinator.Logging;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;

namespace BusinessOps.Coordinator.Reconcile;

/// <summary>
/// Runs the pass's dispatches: P0 first, bounded parallelism. Dispatches are started one after the other from a single
/// loop in priority order (each runs on until its first await before the next starts), so the executor sees them in
/// that order; at most <see cref="ReconcileOptions.Concurrency"/> are in flight. The intent is already on the issue;
/// after a synchronous run the issue is re-read and settled at once, and a crashed agent's failure is recorded for it.
/// </summary>
internal sealed class DispatchRunner(CountingIssueStore store, IExecutor executor, PolicySet policies, TimeProvider clock, ReconcileOptions options, Log log)
{
    private int _dispatched;
    private int _failed;

    public async Task<(int Dispatched, int Failed)> RunAsync(List<(IssueSnapshot Issue, DispatchAgent Dispatch)> pending, CancellationToken ct)
    {
        // Not Parallel.ForEachAsync: its workers take items in order but may reach the executor in any order (a worker
        // descheduled between taking a P0 and dispatching it let every P3 overtake it on a loaded machine).
        var ordered = pending.OrderBy(p => p.Dispatch.Priority).ThenBy(p => p.Issue.Number).ToList();
        if (executor is IDispatchPreparer preparer && ordered.Count > 0)
        {
            // Executors that run several dispatches as one (Batch sets) see the whole pass first; intents are already recorded.
            await preparer.PrepareAsync([.. ordered.Select(p => Request(p.Issue, p.Dispatch))], ct);
        }

        using var slots = new SemaphoreSlim(Math.Max(1, options.Concurrency));
        var running = new List<Task>(ordered.Count);
        try
        {
            foreach (var item in ordered)
            {
                await slots.WaitAsync(ct);
                running.Add(RunInSlotAsync(item.Issue, item.Dispatch, slots, ct));
            }
        }
        finally
        {
            await Task.WhenAll(running);
        }

        return (_dispatched, _failed);
    }

    private DispatchRequest Request(IssueSnapshot issue, DispatchAgent d) =>
        new(d.Key, d.Agent, policies.Repository, issue, d.Attempt, d.Phase, d.Priority, d.Tenant);

    private async Task RunInSlotAsync(IssueSnapshot issue, DispatchAgent d, SemaphoreSlim slots, CancellationToken ct)
    {
        try
        {
            await RunOneAsync(issue, d, ct);
        }
        catch (IssueStoreException ex)
        {
            Interlocked.Increment(ref _failed);
            log.Error($"#{issue.Number}: {ex.Message}");
        }
        finally
        {
            slots.Release();
        }
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
        var outcome = await executor.DispatchAsync(Request(issue, d), ct);
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

        if (!IssueStateReader.HasResult(fresh, policies.Identity, d.Key))
        {
            // The agent could not write back (crashed, hung, printed garbage, or ran without a store): record for it.
            var record = outcome.Result is { } r && outcome.Status == DispatchStatus.Completed
                ? ResultRecord.From(r)
                : new ResultRecord(d.Key, d.Agent, AgentOutcome.Failed, 0, outcome.Result?.CostUsd ?? 0, Permanent: outcome.Permanent, Error: outcome.Error, Summary: outcome.Error, Infrastructure: outcome.Result is null);
            await store.AddCommentAsync(issue.Number, ResultComment.Render(d, outcome, record), ct);
            fresh = await store.GetIssueAsync(issue.Number, ct) ?? fresh;
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
