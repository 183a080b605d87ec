using BusinessOps.Coordinator.Execution;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;

namespace BusinessOps.Coordinator.Reconcile;

/// <summary>
/// Runs the pass's dispatches: P0 first, bounded parallelism. Dispatches are started one after the other from a single
/// loop in priority order (each runs on until its first await before the next starts), so the executor sees them in
/// that order; at most <see cref="ReconcileOptions.Concurrency"/> are in flight. The intent is already on the issue;
/// after a synchronous run the issue is re-read and settled at once with the pass's facts (<see cref="ContextBuilder"/>),
/// and a crashed agent's failure is recorded for it.
/// </summary>
internal sealed class DispatchRunner(CountingIssueStore store, IExecutor executor, PolicySet policies, ContextBuilder facts, ReconcileOptions options, TimeProvider clock, Log log, IReadOnlyList<IssueSnapshot>? openIssues = null)
{
    // What each agent is handed besides its issue; built from this pass's list of open issues when the pass read them all.
    private readonly DispatchContextBuilder _contexts = new(store, policies, openIssues);

    private int _dispatched;
    private int _failed;

    public async Task<(int Dispatched, int Failed)> RunAsync(List<(IssueSnapshot Issue, DispatchAgent Dispatch)> pending, CancellationToken ct)
    {
        // Not Parallel.ForEachAsync: its workers take items in order but may reach the executor in any order (a worker
        // descheduled between taking a P0 and dispatching it let every P3 overtake it on a loaded machine).
        var ordered = pending.OrderBy(p => p.Dispatch.Priority).ThenBy(p => p.Issue.Number).ToList();
        if (executor is IDispatchPreparer preparer && options.DispatchImmediately && ordered.Count > 0)
        {
            // Executors that run several dispatches as one (Batch sets) see the whole pass first; intents are already
            // recorded. Only what RunOneAsync will dispatch (the snapshot it was decided on); sets carry no context.
            await preparer.PrepareAsync([.. ordered.Where(p => InputHash.Of(p.Issue) == p.Dispatch.InputHash).Select(p => Request(p.Issue, p.Dispatch, null))], ct);
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

    private DispatchRequest Request(IssueSnapshot issue, DispatchAgent d, DispatchContext? context) =>
        new(d.Key, d.Agent, policies.Repository, issue, d.Attempt, IdempotencyKey.Name(d.Phase), d.Priority, d.Tenant, context);

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
        // The executor gets the very snapshot this dispatch was decided on: for an execute phase, the approved input.
        if (InputHash.Of(issue) != d.InputHash)
        {
            log.Warn($"#{issue.Number} {d.Key} not dispatched: the issue is not the one it was decided on");
            return;
        }

        if (!options.DispatchImmediately)
        {
            if (await store.GetIssueAsync(issue.Number, ct) is not { } queued || !StillQueued(queued, d))
            {
                // Another pass started (or settled) this key since: one run per key.
                log.Debug($"#{issue.Number} {d.Key} no longer queued; not dispatched again");
                return;
            }

            // Leaving the queue: the label and the status comment both say so before the agent starts (one write).
            var (id, body, _) = IssueStateReader.Amend(queued, policies, s => s with { Status = IssueStatus.InProgress });
            await store.WriteIssueAsync(issue.Number, [new LabelsWrite([LabelNames.For(IssueStatus.InProgress)], [LabelNames.For(IssueStatus.Queued)]), new CommentWrite(id, body)], ct);
        }

        log.Info($"#{issue.Number} {d.Agent} dispatched ({d.Priority}, {d.Key})");
        var context = await _contexts.BuildAsync(issue, d.Agent, d.Tenant, ct);
        var outcome = await executor.DispatchAsync(Request(issue, d, context), ct);
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

        // The coordinator is the only writer: the agent's full result (or, when it produced none, the failure) in one comment
        // per key, written with the settlement below as one write. The settlement is decided on the issue as it will be
        // (the comment in place, at the time it is written), so a local run ends the pass in its final state, as the next
        // pass would leave it. A dispatch the settlement asks for waits for the next pass.
        var resultComment = ResultComment.ToWrite(fresh, policies.Identity, d, outcome);
        if (resultComment is not null)
        {
            var at = clock.GetUtcNow();
            fresh = fresh with { Comments = [.. fresh.Comments, new IssueComment(0, policies.Identity, resultComment, at, at, AuthorIsBot: true)] };
        }

        if (outcome.Status == DispatchStatus.Failed)
        {
            log.Warn($"#{issue.Number} {d.Agent} failed: {outcome.Error}");
        }

        facts.Observe(fresh);
        var settle = await facts.DecideAsync(fresh, ct);
        var (writes, _) = ActionApplier.Writes([.. settle.Where(a => a is not (DispatchAgent or GatherFacts))]);
        if (resultComment is not null)
        {
            writes.Insert(0, new CommentWrite(null, resultComment));
        }

        await store.WriteIssueAsync(issue.Number, writes, ct);
    }

    private bool StillQueued(IssueSnapshot queued, DispatchAgent d)
    {
        var (state, _) = IssueStateReader.Read(queued, policies);
        return state.Key == d.Key && state.Status == IssueStatus.Queued && !IssueStateReader.HasResult(queued, policies.Identity, d.Key);
    }
}
