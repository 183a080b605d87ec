using System.Diagnostics;
using BusinessOps.Coordinator.Results;
using BusinessOps.Coordinator.Tests.Issues;
using BusinessOps.LocalStore;
using BusinessOps.TestKit;
using BusinessOps.TestKit.Aws;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Results;

/// <summary>
/// <c>--executor aws</c> without the results queue would dispatch agents whose results could never be believed (the
/// old stack's agents wrote with their own token): the coordinator refuses to start, says what to set, and changes nothing.
/// </summary>
public sealed class AwsWithoutResultsQueueTests
{
    [Fact]
    public void TryOpen_AwsWithoutTheQueue_RefusesNamingTheVariableAndTheUpgrade()
    {
        Assert.False(ResultInboxFactory.TryOpen("aws", new Dictionary<string, string?> { ["AWS_REGION"] = "us-east-1" }, TimeProvider.System, out var inbox, out var error));

        Assert.Null(inbox);
        Assert.Contains("BUSINESSOPS_RESULTS_QUEUE_URL", error, StringComparison.Ordinal);
        Assert.Contains("Upgrading", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryOpen_Local_NoInboxNeeded()
    {
        Assert.True(ResultInboxFactory.TryOpen("local", new Dictionary<string, string?>(), TimeProvider.System, out var inbox, out _));
        Assert.Null(inbox);
    }

    [Fact]
    public async Task RunOnce_ExecutorAwsWithoutTheQueue_ExitsBadInputBeforeDispatchingAnything()
    {
        await using var aws = await FakeAwsServer.StartAsync();
        var dir = Directory.CreateTempSubdirectory("bo-noqueue-").FullName;
        var db = Path.Combine(dir, "ops.db");
        using (var store = SqliteIssueStore.Open(db, "alice", new FakeTimeProvider(Some.Epoch)))
        {
            await store.CreateIssueAsync(new Core.Ports.NewIssue("Weekly KPIs", "body", ["analytics/reporting", "priority/P2"]), CancellationToken.None);
        }

        var run = await RunAsync(aws, db, "run", "--once", "--executor", "aws");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("BUSINESSOPS_RESULTS_QUEUE_URL", run.Error, StringComparison.Ordinal);
        Assert.Empty(aws.Calls);
        using (var store = SqliteIssueStore.Open(db, "alice", new FakeTimeProvider(Some.Epoch)))
        {
            Assert.DoesNotContain((await store.GetIssueAsync(1, CancellationToken.None))!.Labels, l => l.StartsWith("status/", StringComparison.Ordinal));
        }

        Directory.Delete(dir, recursive: true);
    }

    private static async Task<CliRun> RunAsync(FakeAwsServer aws, string db, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "coordinator.dll"), "--store", db, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = NpmTools.RepositoryRoot(),
        };
        foreach (var name in new[] { "GITHUB_TOKEN", "GITHUB_REPOSITORY", "BUSINESSOPS_RESULTS_QUEUE_URL", "BUSINESSOPS_EXECUTOR", "AWS_PROFILE" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in aws.Environment())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new CliRun(process.ExitCode, await stdout, await stderr);
    }
}
