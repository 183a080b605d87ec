using System.CommandLine;
using System.Diagnostics;
using BusinessOps.Agents.Samples;
using BusinessOps.Coordinator.Cli;
using BusinessOps.Coordinator.Demo;
using BusinessOps.Coordinator.Hosting;
using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Coordinator.Reports;
using BusinessOps.Core;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.LocalStore;

namespace BusinessOps.Coordinator.Commands;

/// <summary>
/// <c>coordinator demo</c>: the whole loop on embedded defaults — a fresh SQLite store, sample issues for all
/// fourteen agents across P0–P3 and two clients (plus an unroutable and a malformed one), passes until
/// nothing changes, and a summary.
/// </summary>
internal static class DemoCommand
{
    public const string DefaultStore = ".businessops/demo.db";

    public static Command Create(GlobalOptions g, CliHost host)
    {
        var json = new Option<bool>("--json") { Description = "Print {\"issues\":n,\"byStatus\":{…},\"byAgent\":{…},\"store\":\"PATH\"} instead of tables" };
        var cmd = new Command("demo", "Run the whole loop locally: file sample issues for every agent, reconcile until done, show what happened") { json };
        cmd.SetAction(async (parse, ct) =>
        {
            var asJson = parse.GetValue(json);
            var path = Path.GetFullPath(parse.GetValue(g.Store) ?? DefaultStore);
            if (parse.GetValue(g.Store) is null)
            {
                foreach (var f in new[] { path, path + "-wal", path + "-shm" })
                {
                    if (File.Exists(f))
                    {
                        File.Delete(f);
                    }
                }
            }

            await using var health = new DemoHealthServer();
            Environment.SetEnvironmentVariable("BUSINESSOPS_DEMO_HEALTH_URL", health.BaseUrl);
            return await CoordinatorSession.RunAsync(SessionRequest.From(parse, g, host, "local", storeMustExist: false) with { Store = path }, async session =>
            {
                var watch = Stopwatch.StartNew();
                await FileSamplesAsync(path, health.BaseUrl, session.Clock, ct);
                if (session.Backend is SqliteIssueStore local)
                {
                    await DemoApprovers.RegisterAsync(local, session.Policies, ct);
                }

                var options = new ReconcileOptions(session.Concurrency(null), DryRun: false, DispatchImmediately: false);
                var reconciler = new Reconciler(session.Store, session.Executor, WithLoopback(session.Policies), session.Clock, options, session.Log);
                await UntilQuietAsync(reconciler, session, ct);
                var open = await session.Store.ListIssuesAsync(IssueQuery.Open, ct);
                var approved = await DemoApprovers.ApproveOnePerAgentAsync(path, open, session.Policies, session.Clock, ct);
                session.Log.Info($"demo: the right approver approved {approved} waiting plan(s), one per agent; the others wait for you");
                await UntilQuietAsync(reconciler, session, ct);

                var issues = await session.Store.ListIssuesAsync(new IssueQuery(IssueStateFilter.All), ct);
                var summary = OpsSummary.Build(issues, session.Store.Identity);
                if (asJson)
                {
                    session.Output.WriteLine(SummaryPrinter.Json(summary, path, watch.Elapsed));
                }
                else
                {
                    SummaryPrinter.PrintTable(session.Output, summary);
                    session.Output.WriteLine();
                    session.Output.WriteLine($"Done in {watch.Elapsed.TotalSeconds:0.0}s (coordinator peak memory {SummaryPrinter.PeakMemoryMb():0} MB). The store is {path}. Look around:");
                    session.Output.WriteLine($"  dotnet run --project coordinator/BusinessOps.Coordinator -- issues list --store {DefaultStore}");
                    session.Output.WriteLine($"  dotnet run --project coordinator/BusinessOps.Coordinator -- issues show 1 --store {DefaultStore}");
                }

                return ExitCodes.Ok;
            });
        });
        return cmd;
    }

    /// <summary>
    /// The demo's health checks probe its own loopback server, which agents may not reach by default (loopback, private
    /// and link-local addresses are refused): the demo allows loopback explicitly, and nothing else.
    /// </summary>
    internal static PolicySet WithLoopback(PolicySet policies) =>
        policies with { Dispatch = policies.Dispatch with { Network = policies.Dispatch.Network with { AllowLoopback = true } } };

    /// <summary>Reconcile passes until one changes nothing (at most 10).</summary>
    private static async Task UntilQuietAsync(Reconciler reconciler, CoordinatorSession session, CancellationToken ct)
    {
        for (var pass = 1; pass <= 10; pass++)
        {
            var result = await reconciler.RunOnceAsync(ct);
            session.Log.Info($"pass {pass}: {result.Examined} examined, {result.Writes} writes, {result.Dispatched} dispatched");
            if (result.Writes == 0 && result.Dispatched == 0)
            {
                return;
            }
        }
    }

    /// <summary>Files the samples as a person (<c>dana</c>), as issue forms would.</summary>
    private static async Task FileSamplesAsync(string path, string healthUrl, TimeProvider clock, CancellationToken ct)
    {
        using var filer = SqliteIssueStore.Open(path, "dana", clock);
        foreach (var sample in SampleIssues.For(clock.GetUtcNow()))
        {
            var body = sample.Body.Replace("http://127.0.0.1:9", healthUrl, StringComparison.Ordinal);
            await filer.CreateIssueAsync(new NewIssue(sample.Title, body, sample.Labels), ct);
        }
    }
}
