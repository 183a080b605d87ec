using BusinessOps.Coordinator.Logging;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Reconcile;

/// <summary>
/// The imperative shell: read snapshots, call <see cref="Decider.Decide(IssueSnapshot, PolicySet, DateTimeOffset, DecisionContext)"/>
/// with the facts of <see cref="ContextBuilder"/>, apply the actions through the store, then dispatch in priority order
/// with bounded parallelism.
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

    public Reconciler(IIssueStore store, IExecutor executor, PolicySet policies, TimeProvider clock, ReconcileOptions options, Log log, TextWriter? output = null)
    {
        _store = store as CountingIssueStore ?? new CountingIssueStore(store);
        _executor = executor;
        _policies = policies with { Identity = store.Identity };
        _options = options;
        _log = log;
        _out = output ?? TextWriter.Null;
        _clock = clock;
        _facts = new ContextBuilder(_store, store as ITeamDirectory, executor, _policies, clock, options.DispatchImmediately);
    }

    /// <summary>The store with request counting, for callers that report figures.</summary>
    public CountingIssueStore Store => _store;

    /// <summary>Reconciles every open issue.</summary>
    public async Task<PassResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<IssueSnapshot> issues;
        try
        {
            issues = await _store.ListIssuesAsync(IssueQuery.Open, cancellationToken);
        }
        catch (IssueStoreException ex) when (ex.Kind == StoreErrorKind.RateLimited)
        {
            _log.Warn($"deferred: {ex.Message}");
            return new PassResult(0, 0, 0, 0, Deferred: true, RetryAt: ex.RetryAt);
        }

        return await ReconcileAsync(issues, allOpen: true, cancellationToken);
    }

    /// <summary>Reconciles the given snapshots (event mode passes the one issue of the payload).</summary>
    public Task<PassResult> ReconcileAsync(IReadOnlyList<IssueSnapshot> issues, CancellationToken cancellationToken) =>
        ReconcileAsync(issues, allOpen: false, cancellationToken);

    /// <param name="issues">The snapshots to reconcile.</param>
    /// <param name="allOpen">True when <paramref name="issues"/> are every open issue (the full pass): the spend ledger needs only the closed ones besides, and the agents' contexts are built from them without another read.</param>
    /// <param name="cancellationToken">Stops the pass; recorded intents are resumed by the next one.</param>
    private async Task<PassResult> ReconcileAsync(IReadOnlyList<IssueSnapshot> issues, bool allOpen, CancellationToken cancellationToken)
    {
        var openIssues = allOpen ? issues : null;
        var writesBefore = _store.Writes;
        await _facts.StartPassAsync(issues, allOpen, cancellationToken);
        var pending = new List<(IssueSnapshot Issue, DispatchAgent Dispatch)>();
        var failed = 0;
        foreach (var issue in issues.OrderBy(i => PriorityOf(i)).ThenBy(i => i.Number))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var actions = await _facts.DecideAsync(issue, cancellationToken);
                if (actions.Count == 0 || actions is [GatherFacts])
                {
                    continue;
                }

                if (_options.DryRun)
                {
                    DryRunPrinter.Print(_out, issue, actions);
                    continue;
                }

                if (await ActionApplier.ApplyAsync(_store, issue, actions, _log, cancellationToken) is { } dispatch)
                {
                    pending.Add((issue, dispatch));
                }
            }
            catch (IssueStoreException ex) when (ex.Kind == StoreErrorKind.RateLimited)
            {
                // Intents already recorded are dispatched before stopping: none is left waiting for a run that never starts.
                _log.Warn($"deferred at #{issue.Number}: {ex.Message}");
                var started = await new DispatchRunner(_store, _executor, _policies, _facts, _options, _clock, _log, openIssues).RunAsync(pending, cancellationToken);
                return new PassResult(issues.Count, _store.Writes - writesBefore, started.Dispatched, failed + started.Failed, Deferred: true, RetryAt: ex.RetryAt);
            }
            catch (IssueStoreException ex)
            {
                failed++;
                _log.Error($"#{issue.Number}: {ex.Message}");
            }
        }

        var runner = new DispatchRunner(_store, _executor, _policies, _facts, _options, _clock, _log, openIssues);
        var dispatched = await runner.RunAsync(pending, cancellationToken);
        return new PassResult(issues.Count, _store.Writes - writesBefore, dispatched.Dispatched, failed + dispatched.Failed);
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
