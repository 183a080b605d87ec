using BusinessOps.Aws;
using BusinessOps.Aws.Executors;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Coordinator.Results;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.TestKit;
using BusinessOps.TestKit.Aws;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Batch;

/// <summary>A reconcile pass on AWS with Batch sets: the burst's dispatches reach Batch as a few jobs, not one per issue.</summary>
public sealed class BatchSetsReconcileTests
{
    [Fact]
    public async Task RunOnce_BurstOf25SupportIssuesOfOneClient_ThreeJobsAndEveryIntentRecorded()
    {
        var clock = new AutoAdvanceClock();
        await using var aws = await FakeAwsServer.StartAsync(clock);
        using var http = new HttpClient();
        var policies = PolicySet.Default with
        {
            Repository = "acme/ops",
            Dispatch = DispatchPolicy.Default with
            {
                Targets = DispatchPolicy.Default.Targets.ToDictionary(t => t.Key, t => t.Value.Executor == ExecutorKind.Batch ? t.Value with { Sets = new BatchSets(10, TimeSpan.Zero) } : t.Value),
            },
        };
        var store = new InMemoryIssueStore(clock) { Actor = "alice" };
        for (var i = 1; i <= 25; i++)
        {
            await store.CreateIssueAsync(new NewIssue($"Customer {i} cannot log in", "### Customer\n\nacme", ["support/technical", "priority/P2", "client/acme"]), CancellationToken.None);
        }

        store.Actor = store.Identity;
        var executor = new DispatchWatch(AwsExecutorFactory.Create(aws.Settings, aws.Credentials, policies.Dispatch, clock, AwsClientOptions.Default with { SubmitJobsPerSecond = 0 }, http));
        var reconciler = new Reconciler(store, executor, policies, clock, new ReconcileOptions(Concurrency: 4, DispatchImmediately: true), Log.Quiet);

        var pass = await reconciler.RunOnceAsync(CancellationToken.None);
        var again = await reconciler.RunOnceAsync(CancellationToken.None);

        Assert.Equal((25, 0), (pass.Dispatched, pass.Failed));
        Assert.Equal(3, aws.Jobs.Count);
        Assert.All(aws.Jobs, j => Assert.StartsWith(BatchJobNames.SetPrefix("acme/ops") + "ai-support-agent-", j.JobName, StringComparison.Ordinal));
        var keys = aws.Jobs.SelectMany(j => j.Request["containerOverrides"]!["environment"]!.AsArray().Where(e => (string)e!["name"]! == "BUSINESSOPS_KEYS").Select(e => (string)e!["value"]!)).SelectMany(v => v.Split(' ')).ToList();
        Assert.Equal(Enumerable.Range(1, 25).Select(n => $"acme/ops#{n}/a1/plan"), keys.Order(StringComparer.Ordinal).OrderBy(k => int.Parse(k.Split('#', '/')[2], System.Globalization.CultureInfo.InvariantCulture)));

        // The next pass finds each key's job in its set: nothing is submitted twice.
        Assert.Equal(0, again.Dispatched);
        Assert.Equal(3, aws.CallCount("SubmitJob"));
    }
}
