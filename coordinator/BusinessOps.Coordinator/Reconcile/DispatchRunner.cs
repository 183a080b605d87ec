using BusinessOps.Coordinator.Effects;
using BusinessOps.Coordinator.Execution;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;

namespace BusinessOps.Coordinator.Reconcile;

/// <summary>
/// Runs one pass's dispatches, at most <see cref="ReconcileOptions.Concurrency"/> in flight. Cloud runs are handed over as
/// the pass records each intent (<see cref="StartAsync"/>, in the pass's priority order), so the lease taken with the intent
/// needs to outlast seconds, not the pass; local runs wait in <c>status/queued</c> and start at the end, P0 first
/// (<see cref="RunAsync"/>): leaving the queue is a conditional write, so two passes can never both start one. Dispatches
/// are started one after the other from a single loop (each runs until its first await before the next starts), so the
/// executor sees them in order. After a synchronous run the issue is re-read and settled at once with the pass's facts
/// (<see cref="ContextBuilder"/>), and a crashed agent's failure is recorded for it. An execute phase runs no agent: the
/// approved effects are performed here (<see cref="EffectExecution"/>) and their report is written and settled the same way.
/// </summary>
internal sealed class DispatchRunner(CountingIssueStore store, IExecutor executor, PolicySet policies, ContextBuilder facts, ReconcileOptions options, string pass, TimeProvider clock, Log log, EffectExecution? effects, IReadOnlyList<IssueSnapshot>? openIssues = null) : IDisposable
{
    // What each agent is handed besides its issue; built from this pass's list of open issues when the pass read them all.
    private readonly DispatchContextBuilder _contexts = new(store, policies, openIssues, facts.Clock);
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Concurrency));
    private readonly List<Task> _running = [];
    private int _dispatched;
    private int _failed;

    /// <summary>Told as each queued run is handed to the executor; null tells no one.</summary>
    public IPassProgress? Progress { get; init; }

    /// <summary>Lease a cloud handover must have left when it starts (the executor's call takes seconds; retries more).</summary>
    public static TimeSpan HandoverMargin => TimeSpan.FromMinutes(1);

    /// <summary>
    /// Starts what waited for the end of the pass in priority order — queued local runs, and cloud runs an executor packs
    /// into sets (<see cref="IDispatchPreparer"/>, which sees them all first) — then waits for every run of the pass.
    /// </summary>
    public async Task<(int Dispatched, int Failed)> RunAsync(IReadOnlyList<PendingDispatch> pending, CancellationToken ct)
    {
        // Not Parallel.ForEachAsync: its workers take items in order but may reach the executor in any order (a worker
        // descheduled between taking a P0 and dispatching it let every P3 overtake it on a loaded machine).
        // Stable: within a priority, the order the pass's fair share admitted them in (clients in turn).
        var ordered = pending.OrderBy(p => p.Dispatch.Priority).ToList();
        try
        {
            if (executor is IDispatchPreparer preparer && options.DispatchImmediately && ordered.Count > 0)
            {
                // Executors that run several dispatches as one (Batch sets) see the whole pass first; intents are already
                // recorded. Only what RunOneAsync will dispatch (the snapshot it was decided on, the lease still held);
                // sets carry no context.
                var now = clock.GetUtcNow();
                await preparer.PrepareAsync([.. ordered.Where(p => p.Dispatch.Phase != DispatchPhase.Execute && InputHash.Of(p.Issue) == p.Dispatch.InputHash && Holds(p.LeaseUntil, now)).Select(p => Request(p.Issue, p.Dispatch, null))], ct);
            }

            for (var i = 0; i < ordered.Count; i++)
            {
                Progress?.Running(i, ordered.Count);
                await StartAsync(ordered[i], ct);
            }

            Progress?.Running(ordered.Count, ordered.Count);
        }
        finally
        {
            await Task.WhenAll(_running);
        }

        return (_dispatched, _failed);
    }

    /// <summary>
    /// True when <paramref name="d"/>, a cloud run, waits for the end of the pass: its executor packs a pass's dispatches
    /// into sets (Batch sets on for its priority). Its lease must then outlast the rest of the pass; one that runs out first
    /// is not handed over, and the next pass sends the same key.
    /// </summary>
    public bool WaitsForPassEnd(DispatchAgent d) =>
        executor is IDispatchPreparer && policies.Dispatch.For(d.Priority) is { Executor: ExecutorKind.Batch, Sets.Enabled: true };

    /// <summary>
    /// Starts one run once a slot is free. Its <see cref="PendingDispatch.LeaseUntil"/>: when the lease taken with its intent
    /// runs out (a cloud run not handed over by then is left to the next pass, which sends the same key).
    /// </summary>
    public async Task StartAsync(PendingDispatch item, CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        _running.Add(RunInSlotAsync(item, ct));
    }

    public void Dispose() => _slots.Dispose();

    // A handover begun with less lease left than this could still be under way when another pass takes the issue over.
    private static bool Holds(DateTimeOffset leaseUntil, DateTimeOffset now) => leaseUntil == DateTimeOffset.MaxValue || now < leaseUntil - HandoverMargin;

    private DispatchRequest Request(IssueSnapshot issue, DispatchAgent d, DispatchContext? context) =>
        new(d.Key, d.Agent, policies.Repository, issue, d.Attempt, IdempotencyKey.Name(d.Phase), d.Priority, d.Tenant, context);

    private async Task RunInSlotAsync(PendingDispatch item, CancellationToken ct)
    {
        try
        {
            await RunOneAsync(item, ct);
        }
        catch (IssueStoreException ex)
        {
            Interlocked.Increment(ref _failed);
            log.Error($"#{item.Issue.Number}: {ex.Message}");
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task RunOneAsync(PendingDispatch item, CancellationToken ct)
    {
        var (issue, d, leaseUntil) = item;
        // The executor gets the very snapshot this dispatch was decided on: for an execute phase, the approved input.
        if (InputHash.Of(issue) != d.InputHash)
        {
            log.Warn($"#{issue.Number} {d.Key} not dispatched: the issue is not the one it was decided on");
            return;
        }

        if (!Holds(leaseUntil, clock.GetUtcNow()))
        {
            log.Warn($"#{issue.Number} {d.Key} not dispatched: this pass's lease ran out before the executor took it; the next pass sends the same key");
            return;
        }

        if (item.Decided is { } decided && !await StartLocalRunAsync(issue, decided, d, ct))
        {
            return;
        }

        DispatchOutcome outcome;
        if (d.Phase == DispatchPhase.Execute)
        {
            // What is approved is what happens: the coordinator performs the approved effects itself; no agent runs.
            outcome = effects is null
                ? DispatchOutcome.Failure(EffectExecution.Name, "this pass cannot perform effects (no connectors); nothing was run", permanent: false)
                : await effects.RunAsync(issue.Number, d, ct);
        }
        else
        {
            log.Info($"#{issue.Number} {d.Agent} dispatched ({d.Priority}, {d.Key})");
            var context = await _contexts.BuildAsync(issue, d.Agent, d.Tenant, ct);
            outcome = await executor.DispatchAsync(Request(issue, d, context), ct);
        }

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
        var resultComment = ResultComment.ToWrite(fresh, policies.Identity, d, outcome, policies.Wording);
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
        var (writes, _) = ActionApplier.Writes([.. settle.Where(a => a is not (DispatchAgent or GatherFacts or LeaseHeld))]);
        if (resultComment is not null)
        {
            // Before the conditional status write: the result stands even if another pass wrote the status meanwhile.
            writes.Insert(0, new CommentWrite(null, resultComment));
        }

        await store.WriteIssueAsync(issue.Number, writes, ct);
    }

    /// <summary>
    /// A local run starts with one write: its decision's writes (<see cref="PendingDispatch.Decided"/>), the intent recorded
    /// as in progress under this pass's lease for the run's length — the status comment conditionally, as it was read at
    /// the start of the pass. If another pass wrote it since, nothing is written and the run does not start.
    /// </summary>
    private async Task<bool> StartLocalRunAsync(IssueSnapshot issue, IReadOnlyList<OpsAction> decided, DispatchAgent d, CancellationToken ct)
    {
        var until = clock.GetUtcNow() + policies.Dispatch.Local.Timeout + options.LeaseFor;
        var (writes, _) = ActionApplier.Writes(LocalStart.InProgress(issue, decided, policies, new Lease(pass, until)));
        if ((await store.WriteIssueAsync(issue.Number, writes, ct)).Lost)
        {
            log.Info($"#{issue.Number} {d.Key} not started: another pass wrote its status first; the next pass picks it up");
            return false;
        }

        return true;
    }
}
