using BusinessOps.Automation.Workflows;
using BusinessOps.Coordinator.Automation;
using BusinessOps.Coordinator.Effects;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reconcile.FairShare;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;

namespace BusinessOps.Coordinator.Reconcile;

/// <summary>
/// The imperative shell: read snapshots, call <see cref="Decider.Decide(IssueSnapshot, PolicySet, DateTimeOffset, DecisionContext)"/>
/// with the facts of <see cref="ContextBuilder"/>, apply the actions through the store, then start the new runs the fair share
/// between clients admits (<see cref="FairShareSelector"/>: priority order, clients in turn, each client's <c>maxConcurrent</c>,
/// the pass's budget) with bounded parallelism.
/// One bad issue never stops the pass; a rate limit stops it cleanly ("deferred").
/// </summary>
public sealed class Reconciler
{
    private readonly CountingIssueStore _store;
    private readonly IExecutor _executor;
    private readonly PolicySet _policies;
    private readonly ReconcileOptions _options;
    private readonly Log _log;
    private readonly TextWriter _out;
    private readonly ContextBuilder _facts;
    private readonly TimeProvider _clock;
    private readonly EffectExecution _effects;
    private readonly IEffectConnector? _connector;

    /// <param name="store">Where issues are read and written.</param>
    /// <param name="executor">Where agents run.</param>
    /// <param name="policies">The policies of the pass.</param>
    /// <param name="clock">The time of the pass.</param>
    /// <param name="options">The knobs of the pass.</param>
    /// <param name="log">The log.</param>
    /// <param name="output">Where <c>--dry-run</c> prints.</param>
    /// <param name="effects">The connectors approved plans act through; without them an execute phase fails (retried) instead of acting.</param>
    public Reconciler(IIssueStore store, IExecutor executor, PolicySet policies, TimeProvider clock, ReconcileOptions options, Log log, TextWriter? output = null, IEffectConnector? effects = null)
    {
        _store = store as CountingIssueStore ?? new CountingIssueStore(store);
        _executor = executor;
        _policies = policies with { Identity = store.Identity };
        _options = options;
        _log = log;
        _out = output ?? TextWriter.Null;
        _clock = clock;
        _facts = new ContextBuilder(_store, store as ITeamDirectory, executor, _policies, clock, options.DispatchImmediately, options.LeaseFor, effects);
        _effects = new EffectExecution(_store, _policies, effects, clock, log);
        _connector = effects;
    }

    /// <summary>
    /// The automation step of every full pass (schedules, workflows, triggers, feeds, hand-overs), run on the issues the pass
    /// read before <c>Decide</c>; null runs none. Either way, the automation's own issues never reach <c>Decide</c>.
    /// </summary>
    public AutomationStep? Automation { get; init; }

    /// <summary>Told how far each pass is (a progress bar in a terminal); null tells no one.</summary>
    public IPassProgress? Progress { get; init; }

    /// <summary>The store with request counting, for callers that report figures.</summary>
    public CountingIssueStore Store => _store;

    /// <summary>
    /// Reconciles the open issues: every one, or where the store keeps a pass index (<see cref="IPassIndex"/>) those that
    /// changed since the last pass, are due (<see cref="DueTime"/>) or are the automation's own — what a full pass would act on.
    /// </summary>
    public async Task<PassResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        // An idle pass over thousands of converged issues then reads next to nothing. A policy edit, another executor,
        // --full or a day without a full pass reads them all. The automation step gets the same list: its own issues (slots,
        // workflow parents and children, the ledger, follow-ups) are always in it, and so is every issue with a new result.
        var index = _options.DryRun ? null : StoreLayers.Find<IPassIndex>(_store);
        var fingerprint = index is null ? null : PassFingerprint.Of(_policies, _executor.Name, _options.DispatchImmediately);
        var readAt = _clock.GetUtcNow();
        IReadOnlyList<IssueSnapshot> issues;
        IReadOnlyList<IssueSnapshot>? changed = null;
        try
        {
            if (index is not null && fingerprint is not null && !_options.Full)
            {
                changed = await index.ListForPassAsync(fingerprint, readAt, _options.FullPassEvery, WorkflowStarter.LabelPrefix, cancellationToken);
            }

            issues = changed ?? await _store.ListIssuesAsync(IssueQuery.Open, cancellationToken);
        }
        catch (IssueStoreException ex) when (ex.Kind == StoreErrorKind.RateLimited)
        {
            _log.Warn($"deferred: {ex.Message}");
            return new PassResult(0, 0, 0, 0, Deferred: true, RetryAt: ex.RetryAt);
        }

        var automationWrites = 0;
        if (Automation is not null)
        {
            var before = _store.Writes;
            try
            {
                issues = (await Automation.RunAsync(_store, issues, cancellationToken)).ToReconcile;
            }
            catch (IssueStoreException ex) when (ex.Kind == StoreErrorKind.RateLimited)
            {
                _log.Warn($"deferred in the automation step: {ex.Message}");
                return new PassResult(0, _store.Writes - before, 0, 0, Deferred: true, RetryAt: ex.RetryAt);
            }
            catch (IssueStoreException ex)
            {
                // The automation's failure must not stop the issues people filed: they are reconciled as usual, and the
                // next pass retries the automation (everything it opens is keyed, so nothing doubles).
                _log.Error($"automation step: {ex.Message}");
            }

            automationWrites = _store.Writes - before;
        }

        var due = fingerprint is null ? null : new Dictionary<int, DateTimeOffset>();
        var pass = await ReconcileAsync(issues, allOpen: changed is null, due, cancellationToken);
        if (due is not null && !pass.Deferred)
        {
            await index!.RecordPassAsync(fingerprint!, readAt, full: changed is null, due, cancellationToken);
        }

        return pass with { Writes = pass.Writes + automationWrites };
    }

    /// <summary>Reconciles the given snapshots (event mode passes the one issue of the payload).</summary>
    public Task<PassResult> ReconcileAsync(IReadOnlyList<IssueSnapshot> issues, CancellationToken cancellationToken) =>
        ReconcileAsync(issues, allOpen: false, due: null, cancellationToken);

    /// <param name="issues">The snapshots to reconcile.</param>
    /// <param name="allOpen">True when <paramref name="issues"/> are every open issue (the full pass): the spend ledger needs only the closed ones besides, and the agents' contexts are built from them without another read.</param>
    /// <param name="due">Filled with each decided issue's due time (<see cref="DueTime"/>) for the pass index; null: none kept.</param>
    /// <param name="cancellationToken">Stops the pass; recorded intents are resumed by the next one.</param>
    private async Task<PassResult> ReconcileAsync(IReadOnlyList<IssueSnapshot> issues, bool allOpen, Dictionary<int, DateTimeOffset>? due, CancellationToken cancellationToken)
    {
        issues = [.. issues.Where(i => !AutomationStep.Owns(i, _store.Identity))];
        // One id per pass holds the leases it takes; when the pass ends, however it ends, they bind no one in this process.
        var pass = PassIds.New();
        try
        {
            return await ReconcileAsync(issues, allOpen, pass, due, cancellationToken);
        }
        finally
        {
            PassIds.End(pass);
        }
    }

    private async Task<PassResult> ReconcileAsync(IReadOnlyList<IssueSnapshot> issues, bool allOpen, string pass, Dictionary<int, DateTimeOffset>? due, CancellationToken cancellationToken)
    {
        var writesBefore = _store.Writes;
        await _facts.StartPassAsync(issues, allOpen, pass, cancellationToken);
        using var runner = new DispatchRunner(_store, _executor, _policies, _facts, _options, pass, _clock, _log, _effects, allOpen ? issues : null) { Progress = Progress };
        var tally = new PassTally();
        var decided = 0;
        IssueStoreException? deferred = null;
        try
        {
            // First every issue is decided (and what is no new run written); then the fair share picks which runs start.
            foreach (var issue in issues.OrderBy(i => PriorityOf(i)).ThenBy(i => i.Number))
            {
                cancellationToken.ThrowIfCancellationRequested();
                Progress?.Deciding(decided++, issues.Count);
                if ((deferred = await GuardAsync(issue.Number, () => DecideOneAsync(issue, due, runner, tally, cancellationToken), tally)) is not null)
                {
                    break;
                }
            }

            if (deferred is null && tally.Candidates.Count > 0)
            {
                deferred = await StartFairlyAsync(tally, allOpen ? issues : null, runner, cancellationToken);
            }
        }
        catch
        {
            // Stopped (cancelled, crashed): the runs already handed over finish; queued ones wait for the next pass.
            await runner.RunAsync([], CancellationToken.None);
            throw;
        }

        var started = await runner.RunAsync(tally.Pending, cancellationToken);

        if (tally.LeftAlone > 0)
        {
            _log.Info($"{tally.LeftAlone} issue(s) left alone: another pass was handing them to an executor or wrote them first; the next pass picks them up");
        }

        return new PassResult(issues.Count, _store.Writes - writesBefore, started.Dispatched, tally.Failed + started.Failed, Deferred: deferred is not null, RetryAt: deferred?.RetryAt);
    }

    private async Task DecideOneAsync(IssueSnapshot issue, Dictionary<int, DateTimeOffset>? due, DispatchRunner runner, PassTally tally, CancellationToken cancellationToken)
    {
        // Anything but a decision with nothing to do is looked at again by the next pass (written and held issues are anyway).
        if (due is not null)
        {
            due[issue.Number] = DateTimeOffset.MinValue;
        }

        var (actions, decidedAt) = await _facts.DecideAtAsync(issue, cancellationToken);
        if (due is not null && actions.Count == 0)
        {
            due[issue.Number] = DueTime.Next(issue, _policies, decidedAt);
        }

        if (_options.DryRun)
        {
            DryRunPrinter.PrintWaiting(_out, issue, _policies, _connector is null ? null : _connector.Unavailable);
        }

        if (actions is [LeaseHeld held])
        {
            tally.LeftAlone++;
            _log.Debug($"#{issue.Number} left alone: pass {held.Holder} holds its lease until {held.Until:u}");
        }

        if (actions.Count == 0 || actions is [GatherFacts] || (actions is [LeaseHeld] && !_options.DryRun))
        {
            return;
        }

        if (_options.DryRun)
        {
            DryRunPrinter.Print(_out, issue, actions);
            return;
        }

        if (actions.OfType<DispatchAgent>().FirstOrDefault() is { } dispatch)
        {
            // An intent already on the issue, sent again, is a run in flight, not a new one: it always goes.
            var resent = IssueStateReader.Read(issue, _policies).State.Key == dispatch.Key;
            tally.Candidates.Add(new DispatchCandidate(issue, actions, dispatch, resent));
            return;
        }

        await ApplyAsync(issue, actions, runner, tally, cancellationToken);
    }

    /// <summary>
    /// Starts the pass's runs the fair share admits, in its order, and lets the others wait: each is decided again with
    /// its <see cref="DispatchHold"/>, so it records no intent (and, at its client's limit, says so once).
    /// </summary>
    private async Task<IssueStoreException?> StartFairlyAsync(PassTally tally, IReadOnlyList<IssueSnapshot>? open, DispatchRunner runner, CancellationToken cancellationToken)
    {
        var candidates = tally.Candidates;
        var entries = candidates.Select((c, i) => new FairShareEntry(i, c.Dispatch.Priority, c.Dispatch.Tenant, c.Resent || c.Dispatch.Phase == DispatchPhase.Execute)).ToList();
        var inFlight = await InFlightAsync(candidates, open, cancellationToken);
        var selection = FairShareSelector.Select(entries, inFlight, _policies.Clients, _policies.Dispatch.PerPass);
        foreach (var index in selection.Admitted)
        {
            var c = candidates[index];
            if (await GuardAsync(c.Issue.Number, () => StartAsync(c, runner, tally, cancellationToken), tally) is { } deferred)
            {
                return deferred;
            }
        }

        foreach (var (index, hold) in selection.Held)
        {
            var c = candidates[index];
            if (await GuardAsync(c.Issue.Number, () => HoldAsync(c.Issue, hold, tally, cancellationToken), tally) is { } deferred)
            {
                return deferred;
            }
        }

        if (selection.Held.Count > 0)
        {
            var byClient = selection.Held.GroupBy(h => candidates[h.Index].Dispatch.Tenant ?? "(no client)", StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
            _log.Info($"{selection.Held.Count} issue(s) wait for a later pass (fair share: maxConcurrent per client, perPass {_policies.Dispatch.PerPass?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unset"}): {string.Join(", ", byClient)}");
        }

        return null;
    }

    /// <summary>
    /// Runs in flight per limited client, not counting the issues whose new run is up for selection (their previous run is
    /// over). A full pass counts from the issues in hand; a single-issue pass reads the open issues of those clients.
    /// </summary>
    private async Task<Dictionary<string, int>> InFlightAsync(List<DispatchCandidate> candidates, IReadOnlyList<IssueSnapshot>? open, CancellationToken cancellationToken)
    {
        var limited = ClientsInFlight.Limited(_policies);
        var asking = candidates.Where(c => !c.Resent && c.Dispatch.Tenant is { } t && limited.Contains(t)).ToList();
        if (asking.Count == 0)
        {
            return [];
        }

        if (open is null)
        {
            var read = new List<IssueSnapshot>();
            foreach (var client in asking.Select(c => c.Dispatch.Tenant!).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                read.AddRange(await _store.ListIssuesAsync(new IssueQuery(IssueStateFilter.Open, [LabelNames.ClientPrefix + client]), cancellationToken));
            }

            open = read;
        }

        var starting = asking.Select(c => c.Issue.Number).ToHashSet();
        return ClientsInFlight.Count(open.Where(i => !starting.Contains(i.Number)), _policies);
    }

    private async Task HoldAsync(IssueSnapshot issue, DispatchHold hold, PassTally tally, CancellationToken cancellationToken)
    {
        var actions = await _facts.DecideAsync(issue, hold, cancellationToken);
        if (actions.OfType<DispatchAgent>().Any())
        {
            // Decide honours a hold on every path to a new run; a run it still asks for is left to the next pass unwritten.
            _log.Warn($"#{issue.Number} held back by fair share, yet its decision still starts a run; nothing written, the next pass decides again");
            return;
        }

        if (actions.Count == 0 || actions is [GatherFacts] or [LeaseHeld])
        {
            return;
        }

        if ((await ActionApplier.ApplyAsync(_store, issue, actions, _log, cancellationToken)).IsLost)
        {
            tally.LeftAlone++;
        }
    }

    /// <summary>
    /// Starts an admitted run. A cloud intent is decided again right before it is written: the lease it takes must run from
    /// now, not from when the pass first decided it (on GitHub, writes paced a second apart put hours between the two).
    /// A local run's lease is taken when it starts (<see cref="DispatchRunner"/>), so its first decision stands.
    /// </summary>
    private async Task StartAsync(DispatchCandidate candidate, DispatchRunner runner, PassTally tally, CancellationToken cancellationToken)
    {
        var actions = candidate.Actions;
        if (_options.DispatchImmediately)
        {
            actions = await _facts.DecideAsync(candidate.Issue, cancellationToken);
            if (actions.Count == 0 || actions is [GatherFacts] or [LeaseHeld])
            {
                tally.LeftAlone += actions is [LeaseHeld] ? 1 : 0;
                return;
            }
        }

        await ApplyAsync(candidate.Issue, actions, runner, tally, cancellationToken);
    }

    private async Task ApplyAsync(IssueSnapshot issue, IReadOnlyList<OpsAction> actions, DispatchRunner runner, PassTally tally, CancellationToken cancellationToken)
    {
        if (!_options.DispatchImmediately && actions.OfType<DispatchAgent>().FirstOrDefault() is { } local)
        {
            // A local run records its intent when it starts, as in progress, with the rest of this decision:
            // one write (a pass that stops first has recorded nothing, and the next pass decides again).
            tally.Pending.Add(new PendingDispatch(issue, local, DateTimeOffset.MaxValue) { Decided = actions });
            return;
        }

        var applied = await ActionApplier.ApplyAsync(_store, issue, actions, _log, cancellationToken);
        if (applied.IsLost)
        {
            tally.LeftAlone++;
        }
        else if (applied.Dispatch is { } dispatch && _options.DispatchImmediately)
        {
            // A cloud run is handed over as soon as its intent (and lease) is on the issue, unless its executor packs the
            // pass's dispatches into sets: then at the end of the pass, while the lease still holds.
            var cloud = new PendingDispatch(issue, dispatch, _clock.GetUtcNow() + _options.LeaseFor);
            if (runner.WaitsForPassEnd(dispatch))
            {
                tally.Pending.Add(cloud);
            }
            else
            {
                await runner.StartAsync(cloud, cancellationToken);
            }
        }
    }

    /// <summary>Runs one issue's step: a rate limit stops the pass (returned), any other store error costs that issue only.</summary>
    private async Task<IssueStoreException?> GuardAsync(int number, Func<Task> step, PassTally tally)
    {
        try
        {
            await step();
            return null;
        }
        catch (IssueStoreException ex) when (ex.Kind == StoreErrorKind.RateLimited)
        {
            // Intents already recorded are dispatched before stopping: none is left waiting for a run that never starts.
            _log.Warn($"deferred at #{number}: {ex.Message}");
            return ex;
        }
        catch (IssueStoreException ex)
        {
            tally.Failed++;
            _log.Error($"#{number}: {ex.Message}");
            return null;
        }
    }

    private static Priority PriorityOf(IssueSnapshot issue)
    {
        var best = Priority.P3;
        foreach (var label in issue.Labels)
        {
            if (LabelNames.TryParsePriority(label, out var p) && p < best)
            {
                best = p;
            }
        }

        return best;
    }
}
