using BusinessOps.Aws;
using BusinessOps.Aws.Executors;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Coordinator.Results;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.TestKit;
using BusinessOps.TestKit.Aws;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Batch;

/// <summary>
/// Batch sets (issue 15, item 7) under the fair share (issue 12): a job carries one client's issues only, and no more of
/// them than the client's <c>maxConcurrent</c> allows in flight; the rest wait queued and no second pass submits them early.
/// </summary>
public sealed class BatchSetsFairShareTests
{
    [Fact]
    public async Task RunOnce_BurstOfAcmeAtMaxConcurrent10AndThreeOfGlobex_OneJobPerClientWithinTheLimit()
    {
        var clock = new AutoAdvanceClock();
        await using var aws = await FakeAwsServer.StartAsync(clock);
        using var http = new HttpClient();
        var policies = PolicySet.Default with
        {
            Repository = "acme/ops",
            Clients = new Dictionary<string, ClientProfile>(StringComparer.OrdinalIgnoreCase)
            {
                ["acme"] = new("acme") { Name = "Acme", MaxConcurrent = 10 },
                ["globex"] = new("globex") { Name = "Globex" },
            },
            Dispatch = DispatchPolicy.Default with
            {
                Targets = DispatchPolicy.Default.Targets.ToDictionary(t => t.Key, t => t.Value.Executor == ExecutorKind.Batch ? t.Value with { Sets = new BatchSets(20, TimeSpan.Zero) } : t.Value),
            },
        };
        var store = new InMemoryIssueStore(clock) { Actor = "alice" };
        for (var i = 1; i <= 25; i++)
        {
            await store.CreateIssueAsync(new NewIssue($"Acme customer {i} cannot log in", "Login fails.", ["support/technical", "priority/P2", "client/acme"]), CancellationToken.None);
        }

        for (var i = 1; i <= 3; i++)
        {
            await store.CreateIssueAsync(new NewIssue($"Globex customer {i} cannot log in", "Login fails.", ["support/technical", "priority/P2", "client/globex"]), CancellationToken.None);
        }

        store.Actor = store.Identity;
        var executor = new DispatchWatch(AwsExecutorFactory.Create(aws.Settings, aws.Credentials, policies.Dispatch, clock, AwsClientOptions.Default with { SubmitJobsPerSecond = 0 }, http));
        var reconciler = new Reconciler(store, executor, policies, clock, new ReconcileOptions(Concurrency: 4, DispatchImmediately: true), Log.Quiet);

        var pass = await reconciler.RunOnceAsync(CancellationToken.None);
        var again = await reconciler.RunOnceAsync(CancellationToken.None);

        Assert.Equal(13, pass.Dispatched);
        var jobs = aws.Jobs.Select(j => Keys(j).Select(k => int.Parse(k.Split('#', '/')[2], System.Globalization.CultureInfo.InvariantCulture)).ToList()).ToList();
        Assert.Equal(2, jobs.Count);
        Assert.Contains(jobs, j => j.Order().SequenceEqual(Enumerable.Range(1, 10)));
        Assert.Contains(jobs, j => j.Order().SequenceEqual(Enumerable.Range(26, 3)));

        // The acme issues beyond its limit wait queued with the note; the next pass, with ten still running, sends none.
        var waiting = await store.GetIssueAsync(11, CancellationToken.None);
        Assert.Contains("status/queued", waiting!.Labels);
        Assert.Contains(waiting.Comments, c => c.Body.Contains("`maxConcurrent: 10`", StringComparison.Ordinal));
        Assert.Equal(0, again.Dispatched);
        Assert.Equal(2, aws.CallCount("SubmitJob"));
    }

    private static IEnumerable<string> Keys(FakeBatchJob job) =>
        job.Request["containerOverrides"]!["environment"]!.AsArray().Where(e => (string)e!["name"]! == "BUSINESSOPS_KEYS").Select(e => (string)e!["value"]!).SelectMany(v => v.Split(' '));
}
