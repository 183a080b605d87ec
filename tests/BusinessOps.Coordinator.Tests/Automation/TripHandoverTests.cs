using BusinessOps.Automation.Issues;
using BusinessOps.Automation.Triggers;
using BusinessOps.Coordinator.Automation;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Core.Labels;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Automation;

/// <summary><see cref="TripHandover"/>: the step output <c>trips=true</c> the events workflow's serialized pass waits on.</summary>
public sealed class TripHandoverTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bo-trips-").FullName;

    private static readonly TriggerCandidate Trip = new(
        new ThresholdRule("low-engagement", AgentNames.Marketing, ThresholdParser.TryParse("engagement_rate < 0.05", out var c, out _) ? c! : throw new InvalidOperationException(), TimeSpan.FromDays(1), new IssueTemplate("{value}", AgentNames.Marketing, [], Priority.P2, [])),
        "low-engagement/-/2026-03-10T00:00:00Z",
        7,
        0.03);

    [Fact]
    public async Task HandOver_InActions_AppendsTheOutputAfterWhatTheStepAlreadySet()
    {
        var file = Path.Combine(_dir, "output");
        await File.WriteAllTextAsync(file, "other=1\n");

        var handed = await TripHandover.HandOverAsync([Trip], new Dictionary<string, string?> { ["GITHUB_OUTPUT"] = file }, Log.Quiet, CancellationToken.None);

        Assert.True(handed);
        Assert.Equal("other=1\ntrips=true\n", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task HandOver_NoTrips_OrOutsideActions_WritesNothing()
    {
        var file = Path.Combine(_dir, "output");

        Assert.False(await TripHandover.HandOverAsync([], new Dictionary<string, string?> { ["GITHUB_OUTPUT"] = file }, Log.Quiet, CancellationToken.None));
        Assert.False(await TripHandover.HandOverAsync([Trip], new Dictionary<string, string?>(), Log.Quiet, CancellationToken.None));
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task HandOver_OutputUnwritable_FalseAndNoThrow()
    {
        var missing = Path.Combine(_dir, "no-such-folder", "output");

        Assert.False(await TripHandover.HandOverAsync([Trip], new Dictionary<string, string?> { ["GITHUB_OUTPUT"] = missing }, Log.Quiet, CancellationToken.None));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
