using BusinessOps.Core;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Cli;

/// <summary>
/// <c>schedule --at</c> with an offset: the "as of" line is the same instant in UTC. Found in the user trial: docs/WORKFLOWS.md's
/// <c>--at 2026-03-09T08:05:00-07:00</c> printed "as of 2026-03-09 08:05:00Z", seven hours off.
/// </summary>
public sealed class ScheduleAsOfTests : IDisposable
{
    private readonly InProcessCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Schedule_AtWithOffset_AsOfLineIsThatInstantInUtc()
    {
        var run = await _cli.RunAsync("schedule", "--at", "2026-03-09T08:05:00-07:00", "--dry-run", "--store", _cli.StorePath);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("as of 2026-03-09 15:05:00Z: dry run", run.Output, StringComparison.Ordinal);
    }
}
