using BusinessOps.Aws.Errors;
using BusinessOps.Coordinator.Hosting;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Core.Comments;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Time;

namespace BusinessOps.Coordinator.Results;

/// <summary>
/// The results queue's place in a pass: drained first, so the pass settles what arrived; and in event mode, after a P0
/// went to Lambda, a long poll of up to <see cref="P0Wait"/> so that issue settles in the same job.
/// </summary>
public sealed class ResultsPass(IResultInbox? inbox, IIssueStore store, string repository, TimeProvider clock, Log log)
{
    /// <summary>How long event mode may wait for a P0's result (<c>BUSINESSOPS_P0_WAIT</c>, e.g. <c>3m</c>).</summary>
    public const string WaitVariable = "BUSINESSOPS_P0_WAIT";

    public static readonly TimeSpan DefaultP0Wait = TimeSpan.FromMinutes(5);

    public TimeSpan P0Wait { get; init; } = DefaultP0Wait;

    /// <summary>The business's wording of the result comments it writes (<c>templates/coordinator/result*.sbn</c>).</summary>
    public ICommentWording Wording { get; init; } = BuiltInWording.Instance;

    /// <summary>The pass for <paramref name="session"/>; null (with the reason printed) when AWS is chosen and its queue is not usable.</summary>
    public static ResultsPass? Open(CoordinatorSession session, bool dryRun, TextWriter error)
    {
        var env = session.Environment;
        var wait = Durations.TryParse(env.GetValueOrDefault(WaitVariable), out var w) ? w : DefaultP0Wait;
        if (dryRun)
        {
            // A dry run writes nothing and dispatches nothing: the queue is neither needed nor touched.
            return new ResultsPass(null, session.Store, session.Policies.Repository, session.Clock, session.Log) { P0Wait = wait, Wording = session.Policies.Wording };
        }

        if (!ResultInboxFactory.TryOpen(session.Executor.Name, env, session.Clock, out var inbox, out var problem))
        {
            error.WriteLine(problem);
            return null;
        }

        return new ResultsPass(inbox, session.Store, session.Policies.Repository, session.Clock, session.Log) { P0Wait = wait, Wording = session.Policies.Wording };
    }

    /// <summary><c>run --once</c> and each <c>--monitor</c> pass: drain, then reconcile every open issue.</summary>
    public async Task<PassResult> RunOnceAsync(Reconciler reconciler, CancellationToken cancellationToken)
    {
        DrainReport? drained;
        try
        {
            drained = await DrainAsync(cancellationToken);
        }
        catch (IssueStoreException ex) when (ex.Kind == StoreErrorKind.RateLimited)
        {
            log.Warn($"deferred while recording results: {ex.Message}");
            return new PassResult(0, 0, 0, 0, Deferred: true, RetryAt: ex.RetryAt);
        }

        var pass = await reconciler.RunOnceAsync(cancellationToken);
        return drained is null ? pass with { Failed = pass.Failed + 1 } : pass;
    }

    /// <summary>
    /// Event mode: drain, reconcile the event's issue (and the issues whose results just arrived), then wait for the
    /// results of what went to Lambda in this run and settle those issues too.
    /// </summary>
    public async Task<PassResult> ReconcileEventAsync(Reconciler reconciler, DispatchWatch watch, IssueSnapshot issue, IReadOnlyList<IssueSnapshot> opened, CancellationToken cancellationToken)
    {
        var drained = await DrainAsync(cancellationToken);
        var issues = new List<IssueSnapshot> { drained?.Issues.Contains(issue.Number) == true ? await store.GetIssueAsync(issue.Number, cancellationToken) ?? issue : issue };
        issues.AddRange(await ReadAsync(drained?.Issues.Where(n => n != issue.Number) ?? [], cancellationToken));

        // Issues the event's automation just opened (a workflow's next steps) are dispatched in this job too.
        issues.AddRange(opened.Where(o => issues.All(i => i.Number != o.Number)));
        var pass = await reconciler.ReconcileAsync(issues, cancellationToken);
        if (drained is null)
        {
            pass = pass with { Failed = pass.Failed + 1 };
        }

        if (inbox is null || watch.LambdaKeys.Count == 0 || pass.Deferred)
        {
            return pass;
        }

        log.Info($"waiting up to {P0Wait.TotalMinutes:0.#} min for {watch.LambdaKeys.Count} result(s) from Lambda");
        DrainReport waited;
        try
        {
            waited = await new ResultDrain(inbox, store, repository, log) { Wording = Wording }.WaitForAsync([.. watch.LambdaKeys.Keys], P0Wait, clock, cancellationToken);
        }
        catch (AwsException ex)
        {
            log.Error($"results queue {inbox.Location}: {ex.Message}");
            return pass with { Failed = pass.Failed + 1 };
        }

        if (waited.Issues.Count == 0)
        {
            log.Info("no result from Lambda yet; the next pass settles it");
            return pass;
        }

        var settle = await reconciler.ReconcileAsync(await ReadAsync(waited.Issues, cancellationToken), cancellationToken);
        return new PassResult(pass.Examined + settle.Examined, pass.Writes + waited.Written + settle.Writes, pass.Dispatched + settle.Dispatched, pass.Failed + settle.Failed, settle.Deferred, settle.RetryAt);
    }

    /// <summary>Drains the queue; null when it could not be read (the pass still runs, and reports a failure).</summary>
    private async Task<DrainReport?> DrainAsync(CancellationToken ct)
    {
        if (inbox is null)
        {
            return DrainReport.Empty;
        }

        try
        {
            var report = await new ResultDrain(inbox, store, repository, log) { Wording = Wording }.DrainAsync(ct);
            if (report.Written + report.Dropped + report.Unreadable + report.Failed > 0)
            {
                log.Info($"results queue: {report.Written} recorded, {report.Dropped} dropped, {report.Unreadable} unreadable, {report.Failed} not recorded yet");
            }

            return report;
        }
        catch (AwsException ex)
        {
            log.Error($"results queue {inbox.Location}: {ex.Message}");
            return null;
        }
    }

    private async Task<List<IssueSnapshot>> ReadAsync(IEnumerable<int> numbers, CancellationToken ct)
    {
        var read = new List<IssueSnapshot>();
        foreach (var n in numbers)
        {
            if (await store.GetIssueAsync(n, ct) is { } fresh)
            {
                read.Add(fresh);
            }
        }

        return read;
    }
}
