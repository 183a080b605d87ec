using BusinessOps.Core;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Cli;

/// <summary>Issue 9 #5 and #12: arguments are text, usage errors exit 2, and a path the user names must be there.</summary>
public sealed class UsageTests : IDisposable
{
    private readonly InProcessCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task IssuesFile_TitleStartingWithAt_IsTheTitleNotAResponseFile()
    {
        var secret = Path.Combine(_cli.Root, "shadow");
        await File.WriteAllTextAsync(secret, "root:$6$hash-that-must-never-print");

        var run = await _cli.RunAsync("issues", "file", "--title", "@" + secret, "--store", _cli.StorePath);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("@" + secret, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("hash-that-must-never-print", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssuesFile_AtEveryoneTitle_FiledAsWritten()
    {
        var run = await _cli.RunAsync("issues", "file", "--title", "@everyone the build is red", "--store", _cli.StorePath, "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("@everyone the build is red", run.Json().GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("issues", "frob")]
    [InlineData("issues", "file", "--title")]
    [InlineData("issues", "show", "abc")]
    [InlineData("run", "--concurrency", "many")]
    [InlineData("run", "--concurrency", "0")]
    [InlineData("run", "--once", "--monitor")]
    [InlineData("run", "--event", "event.json", "--monitor")]
    public async Task AnyCommand_UsageError_ExitsTwoWithErrorsOnStderrOnly(params string[] args)
    {
        var run = await _cli.RunAsync(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("--help' for usage.", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'--onse'. Did you mean '--once'?", "run", "--onse")]
    [InlineData("'fle'. Did you mean 'file'?", "issues", "fle")]
    [InlineData("'--stor'. Did you mean '--store'?", "report", "--stor", "x.db")]
    public async Task AnyCommand_MisspeltName_ErrorSuggestsTheClosest(string expected, params string[] args)
    {
        var run = await _cli.RunAsync(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Its commands: file, list, show, comment", "issues")]
    [InlineData("Its commands: show", "plan")]
    public async Task Group_WithoutACommand_NamesItsCommands(string expected, params string[] args)
    {
        var run = await _cli.RunAsync(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StoreGitHubNotConfigured_SaysWhatToSet()
    {
        _cli.Environment["GITHUB_TOKEN"] = "t";

        var run = await _cli.RunAsync("run", "--once", "--store", "github");

        // Configuration, not a failure a rerun can fix.
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--store github: GITHUB_REPOSITORY is not set", run.Error, StringComparison.Ordinal);
        Assert.Contains("GITHUB_REPOSITORY=owner/name (docs/INSTALL-GITHUB.md), or use a local store", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Root_UnknownWordFarFromEveryCommand_NoGuess()
    {
        var run = await _cli.RunAsync("frobnicate");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("'frobnicate'", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Did you mean", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("issues", "list")]
    [InlineData("issues", "show", "1")]
    [InlineData("issues", "comment", "1", "--body", "/approve")]
    [InlineData("report")]
    [InlineData("run", "--once")]
    [InlineData("labels", "sync")]
    public async Task ReadingCommand_NamedStoreMissing_ExitsTwoAndCreatesNothing(params string[] args)
    {
        var missing = Path.Combine(_cli.Root, "no-such-dir", "x.db");

        var run = await _cli.RunAsync([.. args, "--store", missing]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
        Assert.Contains("--store", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
        Assert.False(Directory.Exists(Path.GetDirectoryName(missing)));
    }

    [Theory]
    [InlineData("run", "--once")]
    [InlineData("report")]
    [InlineData("policies", "validate")]
    public async Task AnyCommand_NamedPolicyFolderMissing_ExitsTwo(params string[] args)
    {
        await _cli.RunAsync("issues", "file", "--title", "t", "--store", _cli.StorePath);

        var run = await _cli.RunAsync([.. args, "--store", _cli.StorePath, "--policies", Path.Combine(_cli.Root, "policies")]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("policy directory not found", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BadLogFormat_ExitsTwoNamingTheChoices()
    {
        await _cli.RunAsync("issues", "file", "--title", "t", "--store", _cli.StorePath);

        var run = await _cli.RunAsync("run", "--once", "--store", _cli.StorePath, "--log-format", "xml");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--log-format must be text or json (got 'xml')", run.Error, StringComparison.Ordinal);
    }
}
