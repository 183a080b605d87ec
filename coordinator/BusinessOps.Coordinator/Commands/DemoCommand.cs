using System.CommandLine;
using System.Diagnostics;
using BusinessOps.Agents.Samples;
using BusinessOps.Coordinator.Cli;
using BusinessOps.Coordinator.Demo;
using BusinessOps.Coordinator.Effects;
using BusinessOps.Coordinator.Hosting;
using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Coordinator.Reports;
using BusinessOps.Core;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Effects;
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
            await using var payables = new DemoPayablesServer(host.Clock);
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
                var policies = WithPayables(WithLoopback(session.Policies), payables.Url);
                session.UseConnectors(EffectConnectors.Create(session, policies.Connectors, name => name == PayablesSecretEnv ? payables.Secret : session.Environment.GetValueOrDefault(name)));
                var reconciler = new Reconciler(session.Store, session.Executor, policies, session.Clock, options, session.Log, effects: session.Connectors.Router);
                await UntilQuietAsync(reconciler, session, ct);
                var open = await session.Store.ListIssuesAsync(IssueQuery.Open, ct);
                var approved = await DemoApprovers.ApproveOnePerAgentAsync(path, open, policies, session.Connectors.Router, session.Clock, ct);
                session.Log.Info($"demo: the right approver approved {approved} waiting plan(s), one per agent; the others wait for you");
                await UntilQuietAsync(reconciler, session, ct);

                var issues = await session.Store.ListIssuesAsync(new IssueQuery(IssueStateFilter.All), ct);
                var summary = OpsSummary.Build(issues, session.Store.Identity);
                var effects = DemoEffects.Count(issues, policies);
                session.Log.Info($"demo: {effects.Done} approved effect(s) done ({effects.Failed} failed); the loopback payables webhook received {payables.Payments.Count} signed payment instruction(s) ({payables.Rejected} rejected)");
                if (asJson)
                {
                    session.Output.WriteLine(SummaryPrinter.Json(summary, path, watch.Elapsed));
                }
                else
                {
                    SummaryPrinter.PrintTable(session.Output, summary);
                    session.Output.WriteLine();
                    session.Output.WriteLine($"Approved plans acted: {effects.Done} effect(s) done, {effects.Failed} failed. The demo's payables webhook (loopback) received {payables.Payments.Count} signed payment instruction(s):");
                    foreach (var payment in payables.Payments)
                    {
                        session.Output.WriteLine("  " + Text.Bound(payment, 200));
                    }

                    session.Output.WriteLine($"  See one plan and its effects: dotnet run --project coordinator/BusinessOps.Coordinator -- plan show N --store {DefaultStore}");
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

    /// <summary>The variable name the demo's payables endpoint reads its signing secret from (served from memory, never set).</summary>
    internal const string PayablesSecretEnv = "BUSINESSOPS_DEMO_PAYABLES_SECRET";

    /// <summary>The demo's connectors: webhooks on, the <c>payables</c> endpoint pointed at the demo's own loopback receiver.</summary>
    internal static PolicySet WithPayables(PolicySet policies, Uri url)
    {
        var webhook = policies.Connectors.Webhook;
        var endpoints = webhook.Endpoints.Where(e => e.Name != PaymentInstruction.DefaultEndpoint)
            .Append(new WebhookEndpoint(PaymentInstruction.DefaultEndpoint, url, null, PayablesSecretEnv, WebhookFormat.Standard))
            .ToList();
        return policies with { Connectors = policies.Connectors with { Webhook = webhook with { Enabled = true, Endpoints = endpoints } } };
    }

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
