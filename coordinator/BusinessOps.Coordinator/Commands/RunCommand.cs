using System.CommandLine;
using System.Globalization;
using BusinessOps.Coordinator.Automation;
using BusinessOps.Coordinator.Cli;
using BusinessOps.Coordinator.Hosting;
using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Coordinator.Reports.Dashboard;
using BusinessOps.Coordinator.Reports.Terminal;
using BusinessOps.Coordinator.Results;
using BusinessOps.Core;
using BusinessOps.Core.Time;

namespace BusinessOps.Coordinator.Commands;

/// <summary><c>coordinator run</c>: one pass (<c>--once</c>), a loop (<c>--monitor</c>), or one webhook event (<c>--event</c>).</summary>
internal static class RunCommand
{
    public static Command Create(GlobalOptions g, CliHost host)
    {
        var once = new Option<bool>("--once") { Description = "Reconcile every open issue once, then exit (the default)" };
        var monitor = new Option<bool>("--monitor") { Description = "Keep reconciling, one pass every --interval, until Ctrl-C" };
        var interval = new Option<string>("--interval") { Description = "Pause between passes with --monitor, e.g. 30s, 5m", DefaultValueFactory = _ => "30s" };
        var eventFile = new Option<string?>("--event") { Description = "A webhook payload file (GITHUB_EVENT_PATH in Actions): reconcile only that issue" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the actions a pass would take; write nothing, dispatch nothing" };
        var json = new Option<bool>("--json") { Description = "Print {\"examined\":n,\"writes\":n,\"dispatched\":n} on stdout" };
        var executor = new Option<string?>("--executor") { Description = "Where agents run: local (child processes, default) or aws (Lambda for P0, Batch for P1-P3)" };
        var concurrency = new Option<int?>("--concurrency") { Description = "Agents running at once (default: policy, else processor count)" };
        concurrency.Validators.Add(r =>
        {
            // Only a number that parsed: a word ('many') already has the parser's own error.
            if (r.Tokens is [var token] && int.TryParse(token.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n < 1)
            {
                r.AddError($"--concurrency must be at least 1 (got {n}): the number of agents that may run at once.");
            }
        });
        var full = new Option<bool>("--full") { Description = "Decide every open issue (the default is incremental: on GitHub, a walk from the conditional-request cache; on the local store, only what changed since the last pass or is due)" };
        var cmd = new Command("run", "Reconcile issues: route, label, dispatch agents and record their results")
        {
            once, monitor, interval, eventFile, dryRun, json, executor, concurrency, full,
        };
        cmd.Validators.Add(r =>
        {
            if (r.GetValue(monitor) && (r.GetValue(once) || r.GetValue(eventFile) is not null))
            {
                r.AddError("--monitor keeps reconciling until Ctrl-C; it cannot be combined with --once or --event: choose one.");
            }
        });
        cmd.SetAction(async (parse, ct) =>
        {
            var request = SessionRequest.From(parse, g, host, parse.GetValue(executor));
            if (!Durations.TryParse(parse.GetValue(interval), out var pause))
            {
                await request.Error.WriteLineAsync($"error: --interval '{parse.GetValue(interval)}' is not a duration: use e.g. 30s, 5m, 1h.");
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(eventFile) is { } path)
            {
                return await EventMode.RunAsync(request, path, parse.GetValue(dryRun), parse.GetValue(json), ct);
            }

            if (parse.GetValue(full))
            {
                GitHubStoreFactory.ForgetCache(host.Environment);
            }

            return await CoordinatorSession.RunAsync(request, async session =>
            {
                var options = new ReconcileOptions(session.Concurrency(parse.GetValue(concurrency)), parse.GetValue(dryRun), session.IsCloud) { Full = parse.GetValue(full) };

                // A bar on a terminal of our own (not for --dry-run, whose lines go to stdout while the pass runs).
                var progress = parse.GetValue(dryRun) ? PassProgressBar.Silent(session.LogOutput) : PassProgressBar.For(session.Error, session.Environment, session.LogOutput);
                var reconciler = new Reconciler(session.Store, session.Executor, session.Policies, session.Clock, options, session.Log, session.Output, parse.GetValue(dryRun) ? null : session.Connectors.Router)
                {
                    Automation = AutomationSteps.ForPasses(session, parse.GetValue(dryRun)),
                    Progress = progress.Visible ? progress : null,
                };
                if (ResultsPass.Open(session, parse.GetValue(dryRun), session.Error) is not { } results)
                {
                    return ExitCodes.BadInput;
                }

                // The operations dashboard is kept at the end of every full pass (Reports/Dashboard/DashboardPass).
                using var dashboard = parse.GetValue(dryRun) ? null : DashboardPass.Open(session, parse.GetValue(g.Policies));
                var pass = new PassRun(reconciler, results, dashboard, progress);
                return parse.GetValue(monitor)
                    ? await MonitorAsync(pass, session, pause, parse.GetValue(json), ct)
                    : Report(await pass.RunAsync(ct), parse.GetValue(json), session);
            });
        });
        return cmd;
    }

    internal static int Report(PassResult pass, bool json, CoordinatorSession session)
    {
        if (json)
        {
            session.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"examined\":{pass.Examined},\"writes\":{pass.Writes},\"dispatched\":{pass.Dispatched}}}"));
        }
        else
        {
            session.Log.Info($"pass done: {pass.Examined} examined, {pass.Writes} writes, {pass.Dispatched} dispatched, {pass.Failed} failed ({session.StoreArgument})");
        }

        if (pass.Deferred)
        {
            session.Log.Warn($"rate limited: stopped early, every issue is consistent; run again after {pass.RetryAt?.ToString("u", CultureInfo.InvariantCulture) ?? "the limit resets"}");
            return ExitCodes.Deferred;
        }

        return pass.Failed > 0 ? ExitCodes.Failure : ExitCodes.Ok;
    }

    private static async Task<int> MonitorAsync(PassRun pass, CoordinatorSession session, TimeSpan pause, bool json, CancellationToken ct)
    {
        session.Log.Info($"monitoring {session.StoreArgument} every {Durations.Words(pause)}; Ctrl-C to stop");
        try
        {
            while (true)
            {
                Report(await pass.RunAsync(ct), json, session);
                await Task.Delay(pause, session.Clock, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            session.Log.Info("stopped: work in flight was finished or cleanly abandoned (its intent is recorded; the next pass resumes it)");
            return ExitCodes.Interrupted;
        }
    }
}
