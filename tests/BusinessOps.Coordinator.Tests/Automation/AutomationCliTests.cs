using BusinessOps.Coordinator.Tests.Cli;
using BusinessOps.Core;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Automation;

/// <summary>
/// <c>coordinator schedule [--at TIME] [--dry-run]</c> and <c>coordinator workflow start NAME</c> on the shipped policies
/// and a local store, in process: what would fire, what opens, and a clear exit 2 for bad input.
/// </summary>
public sealed class AutomationCliTests : IDisposable
{
    private readonly InProcessCli _cli = new();

    private static string Policies { get; } = Shipped();

    // The start inputs the shipped content-marketing workflow requires (its steps' form fields come from them).
    private static readonly string[] Inputs =
    [
        "--input", "campaign=Spring hiking", "--input", "audience=Hikers", "--input", "budget=500", "--input", "startDate=2099-04-01",
        "--input", "endDate=2099-04-21", "--input", "pageTitle=Spring hiking", "--input", "metaDescription=Spring hiking checklist",
        "--input", "focusKeyword=hiking",
    ];

    [Fact]
    public async Task Schedule_AtMondayMorningDryRun_ListsTheBriefingAndWritesNothing()
    {
        var run = await _cli.RunAsync("schedule", "--at", "2026-03-09T08:05:00-07:00", "--dry-run", "--store", _cli.StorePath, "--policies", Policies);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("would open: Morning briefing 2026-03-09", run.Output, StringComparison.Ordinal);
        Assert.Contains("key slot:morning-briefing@2026-03-09T15:00:00Z", run.Output, StringComparison.Ordinal);
        var list = await _cli.RunAsync("issues", "list", "--store", _cli.StorePath);
        Assert.DoesNotContain("Morning briefing", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_AtTwice_OpensTheSlotOnce()
    {
        var first = await _cli.RunAsync("schedule", "--at", "2026-03-09T15:05:00Z", "--store", _cli.StorePath, "--policies", Policies);
        var second = await _cli.RunAsync("schedule", "--at", "2026-03-09T15:10:00Z", "--store", _cli.StorePath, "--policies", Policies);

        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        Assert.Contains("opened #", first.Output, StringComparison.Ordinal);
        Assert.Contains("Morning briefing 2026-03-09", first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("BusinessOps automation", first.Output, StringComparison.Ordinal); // the ledger is not a slot
        Assert.DoesNotContain("Morning briefing", second.Output, StringComparison.Ordinal);
        Assert.Contains("0 opened", second.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03-09T08:00:00")]
    [InlineData("tomorrow")]
    public async Task Schedule_AtWithoutOffset_ExitsTwoSayingWhatToWrite(string at)
    {
        var run = await _cli.RunAsync("schedule", "--at", at, "--store", _cli.StorePath, "--policies", Policies);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("2026-03-09T15:00:00Z", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkflowStart_ContentMarketingForAcme_PrintsTheParentAndOpensTheFirstStep()
    {
        var run = await _cli.RunAsync(["workflow", "start", "content-marketing", "--client", "acme", .. Inputs, "--store", _cli.StorePath, "--policies", Policies]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var parent = int.Parse(run.Output.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var list = await _cli.RunAsync("issues", "list", "--store", _cli.StorePath);
        Assert.Contains($"[Content marketing #{parent}] Campaign plan and copy", list.Output, StringComparison.Ordinal);

        // The same start key again: the same parent, nothing new.
        var again = await _cli.RunAsync(["workflow", "start", "content-marketing", "--client", "acme", .. Inputs, "--store", _cli.StorePath, "--policies", Policies]);
        Assert.Equal(run.Output, again.Output);
    }

    [Theory]
    [InlineData("no-such-flow", null, "campaign=x", "no workflow 'no-such-flow'")]
    [InlineData("content-marketing", "initech", "campaign=x", "initech")]
    [InlineData("content-marketing", null, "campaign", "'campaign' is not key=value")]
    [InlineData("content-marketing", null, "audience=hikers", "campaign")]
    public async Task WorkflowStart_BadInput_ExitsTwoWithTheReason(string name, string? client, string input, string expected)
    {
        List<string> args = ["workflow", "start", name, "--input", input, "--store", _cli.StorePath, "--policies", Policies];
        if (client is not null)
        {
            args.AddRange(["--client", client]);
        }

        var run = await _cli.RunAsync([.. args]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();

    private static string Shipped()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BusinessOps.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "policies");
    }
}
