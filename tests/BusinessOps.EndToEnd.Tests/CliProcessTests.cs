using Xunit;

namespace BusinessOps.EndToEnd.Tests;

/// <summary>The real executable (Program.cs wiring): '@' arguments are text, usage errors exit 2 on stderr.</summary>
[Collection("processes")]
public sealed class CliProcessTests
{
    [Fact]
    public async Task IssuesFile_TitleStartingWithAt_FiledNotReadAsAFile()
    {
        using var c = new Coordinator();
        var file = Path.Combine(c.Root, "secret.txt");
        await File.WriteAllTextAsync(file, "contents-that-must-not-print");

        var run = await c.WithStoreAsync("issues", "file", "--title", "@" + file);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("@" + file, run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("contents-that-must-not-print", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_ExitsTwoWithOneErrorLineAndNoHelpOnStdout()
    {
        using var c = new Coordinator();

        var run = await c.RunAsync("frobnicate");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains("error: ", run.Stderr, StringComparison.Ordinal);
    }
}
