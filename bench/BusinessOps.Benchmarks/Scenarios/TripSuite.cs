using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Coordinator.Automation;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Coordinator.Tests.GitHub.Scenarios;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Ports;
using BusinessOps.GitHub;
using BusinessOps.Policies.Automation;
using BusinessOps.TestKit.Automation;

namespace BusinessOps.Benchmarks.Scenarios;

/// <summary>
/// <c>scenarios trips</c>: what a threshold trip costs on GitHub (issue 12). N event jobs at once (each its own store and
/// token, as Actions jobs are) record a result on N issues that trips the same rule; each hands the trip over instead of
/// opening the follow-up, and the serialized passes GitHub runs for them (one running, one pending: two) open it once.
/// Prints the event jobs' threshold requests, each pass's requests and writes, and the follow-ups opened.
/// </summary>
public static class TripSuite
{
    private static readonly string Triggers = ThresholdRules.Thresholds(ThresholdRules.LowEngagement);

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        await output.WriteLineAsync("| event jobs at once | their threshold requests | trips handed over | pass 1: requests (list pages, other reads, writes) | pass 2: requests (writes) | follow-ups opened |");
        await output.WriteLineAsync("|---|---|---|---|---|---|");
        foreach (var n in args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)) : [2, 10])
        {
            await RunOneAsync(n, output, ct);
        }

        return 0;
    }

    private static async Task RunOneAsync(int jobs, TextWriter output, CancellationToken ct)
    {
        var policies = AutomationPolicyLoader.LoadFromStrings(new Dictionary<string, string> { ["triggers.yml"] = Triggers }).Policies!;
        await using var s = await GitHubScenario.StartAsync(ct);
        s.NewTokenPerRun = true;
        s.Automation = new AutomationStep(policies, s.Clock, Log.Quiet);
        s.Executor.CompleteAll = true;

        // A running repository: an earlier result below no threshold, shown to the rules, the ledger written.
        s.Executor.Outputs = new JsonObject { ["engagement_rate"] = 0.5 };
        s.Server.SeedIssue("Last week's campaign", "### Request\n\nnumbers", ["marketing/content", "priority/P2"], "alice");
        await s.PassAsync("records", ct);
        await s.PassAsync("shows it to the rules", ct);

        s.Executor.Outputs = new JsonObject { ["engagement_rate"] = 0.03 };
        var numbers = Enumerable.Range(0, jobs).Select(i => s.Server.SeedIssue($"Campaign {i}", "### Request\n\nnumbers", ["marketing/content", "priority/P2"], "alice")).ToList();
        var stores = numbers.Select(_ => new GitHubIssueStore(s.Options(), s.Clock)).ToList();
        try
        {
            // All jobs read their issue and restore the index before any records: they run at once.
            var issues = new List<IssueSnapshot>();
            for (var i = 0; i < jobs; i++)
            {
                issues.Add((await stores[i].GetIssueAsync(numbers[i], ct))!);
                _ = await stores[i].ListIndexedAsync(IssueQuery.Open, ct);
            }

            var reconcilers = stores.Select(st => new Reconciler(st, s.Executor, s.Policies, s.Clock, new ReconcileOptions(1, false, DispatchImmediately: true), Log.Quiet)).ToList();
            for (var i = 0; i < jobs; i++)
            {
                reconcilers[i].Store.RecordPosts = true;
                await reconcilers[i].ReconcileAsync([issues[i]], ct);
                reconcilers[i].Store.RecordPosts = false;
            }

            var before = s.Server.Requests.Count;
            var handed = 0;
            for (var i = 0; i < jobs; i++)
            {
                var step = new AutomationStep(policies, s.Clock, Log.Quiet) { Indexed = stores[i] };
                handed += (await step.PendingTripsForEventAsync(reconcilers[i].Store, [issues[i]], ct)).Count > 0 ? 1 : 0;
            }

            var eventRequests = s.Server.Requests.Count - before;
            var passStart = s.Server.Requests.Count;
            var first = await s.PassAsync("the running trips pass", ct);
            var writes = s.Server.Requests.Skip(passStart).Where(q => q.IsWrite).Select(q => q.Method + " " + q.Path.Split('?')[0].Replace("/repos/acme/ops", string.Empty, StringComparison.Ordinal));
            var second = await s.PassAsync("the one left pending", ct);
            var followUps = Enumerable.Range(1, numbers[^1] + 10).Select(s.Server.GetIssue)
                .Count(i => i is not null && i.Title.StartsWith("Engagement fell to", StringComparison.Ordinal));
            var r = first.Requests;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| {jobs} | {eventRequests} | {handed} | {r.Total} ({r.IssueListPages}, {r.Reads - r.IssueListPages}, {r.Writes}) | {second.Requests.Total} ({second.Requests.Writes}) | {followUps} |"));
            Console.Error.WriteLine($"{jobs} jobs, pass 1 writes: {string.Join("; ", writes)}");
        }
        finally
        {
            stores.ForEach(st => st.Dispose());
        }
    }
}
