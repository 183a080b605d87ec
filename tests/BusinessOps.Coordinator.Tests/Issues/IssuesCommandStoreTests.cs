using BusinessOps.Coordinator.Commands.Issues;
using BusinessOps.Core;
using Microsoft.Data.Sqlite;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Issues;

public sealed class IssuesCommandStoreTests : IDisposable
{
    private readonly IssuesCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("file", "--title", "to GitHub?")]
    [InlineData("list")]
    [InlineData("comment", "1", "--body", "/approve")]
    public async Task LocalCommand_StoreGitHub_ExitsBadInputPointingToGh(params string[] args)
    {
        // Found in the user trial: 'issues file --store github' filed into a new local file named github and said "Filed issue #1".
        var run = await _cli.RunExactlyAsync(["issues", .. args, "--store", "github"]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("local store only; on GitHub use its web page or gh", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists("github"));
    }

    [Fact]
    public async Task AnyCommand_NotASqliteFile_ExitsBadInputWithOneLine()
    {
        Directory.CreateDirectory(_cli.Root);
        await File.WriteAllTextAsync(_cli.StorePath, new string('#', 2048));

        var run = await _cli.RunAsync("issues", "list");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"error: '{_cli.StorePath}' is not a BusinessOps issue store (not a SQLite database): use --store to pick another path.\n", run.Error);
    }

    [Fact]
    public async Task AnyCommand_NewerSchema_ExitsBadInputNamingVersions()
    {
        _cli.CreateStore();
        using (var raw = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _cli.StorePath, Pooling = false }.ToString()))
        {
            raw.Open();
            using var bump = raw.CreateCommand();
            bump.CommandText = "PRAGMA user_version = 7;";
            bump.ExecuteNonQuery();
        }

        var run = await _cli.RunAsync("issues", "file", "--title", "t");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("was written by a newer BusinessOps (schema 7, this build knows 1): upgrade, or use another --store.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_Issues_ListsEverySubcommandWithDescription()
    {
        var run = await _cli.RunAsync("issues", "--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        foreach (var name in new[] { "file", "list", "show", "comment", "label", "close", "reopen", "collaborator" })
        {
            Assert.Matches($@"\n\s+{name}\s+\S", run.Output);
        }
    }

    [Fact]
    public async Task Show_NumberNotANumber_FailsWithParseErrorAndTouchesNoStore()
    {
        var run = await _cli.RunAsync("issues", "show", "abc");

        // The exit code of parse errors belongs to the root command's configuration (Program.cs); only "not zero" is ours to pin.
        Assert.NotEqual(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("abc", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.StorePath));
    }

    [Theory]
    [InlineData("carol", "env-actor", "user", "carol")]
    [InlineData(null, "env-actor", "user", "env-actor")]
    [InlineData(null, " ", "user", "user")]
    [InlineData(null, null, null, "you")]
    public void Resolve_Precedence_AsThenEnvironmentThenUserThenYou(string? explicitLogin, string? actorVariable, string? userVariable, string expected)
    {
        var environment = new Dictionary<string, string?> { [IssueActor.EnvironmentVariable] = actorVariable, ["USER"] = userVariable };

        Assert.Equal(expected, IssueActor.Resolve(explicitLogin, name => environment.GetValueOrDefault(name)));
    }
}
