using BusinessOps.Core;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Issues;

public sealed class IssuesCommandFileTests : IDisposable
{
    private readonly IssuesCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task File_TitleBodyLabels_PrintsNumberAndStoresIssue()
    {
        var run = await _cli.RunAsync("issues", "file", "--title", "Score the ACME lead", "--body", "Budget: 50k", "--label", "sales/lead", "--label", "priority/P2,client/acme", "--as", "alice");

        Assert.Equal((ExitCodes.Ok, string.Empty), (run.ExitCode, run.Error));
        Assert.Equal("Filed issue #1 as alice (labels: sales/lead, priority/P2, client/acme): Score the ACME lead\n", run.Output);
        using var store = _cli.OpenStore();
        var issue = await store.GetIssueAsync(1, CancellationToken.None);
        Assert.Equal(("Score the ACME lead", "Budget: 50k", "alice"), (issue!.Title, issue.Body, issue.Author));
        Assert.Equal(["sales/lead", "priority/P2", "client/acme"], issue.Labels);
    }

    [Fact]
    public async Task File_Json_PrintsIssueObject()
    {
        var run = await _cli.RunAsync("issues", "file", "--title", "Rotate keys", "--label", "security/compliance", "--as", "bob", "--json");

        var json = run.Json();
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(1, json.GetProperty("number").GetInt32());
        Assert.Equal("Rotate keys", json.GetProperty("title").GetString());
        Assert.Equal(string.Empty, json.GetProperty("body").GetString());
        Assert.Equal("open", json.GetProperty("state").GetString());
        Assert.Equal(["security/compliance"], json.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("bob", json.GetProperty("author").GetString());
        Assert.Equal(_cli.Clock.GetUtcNow(), json.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(0, json.GetProperty("comments").GetArrayLength());
    }

    [Fact]
    public async Task File_BodyFile_ReadsTheFile()
    {
        Directory.CreateDirectory(_cli.Root);
        var file = Path.Combine(_cli.Root, "body.md");
        await File.WriteAllTextAsync(file, "### Service\ncheckout\n");

        var run = await _cli.RunAsync("issues", "file", "--title", "Deploy", "--body-file", file, "--json");

        Assert.Equal("### Service\ncheckout\n", run.Json().GetProperty("body").GetString());
    }

    [Fact]
    public async Task File_MissingTitle_ExitsBadInputWithOneLine()
    {
        var run = await _cli.RunAsync("issues", "file", "--body", "no title");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("error: An issue needs --title \"…\": a one-line summary of the work.\n", run.Error);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task File_BodyAndBodyFile_ExitsBadInput()
    {
        var run = await _cli.RunAsync("issues", "file", "--title", "t", "--body", "b", "--body-file", "f.md");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("not both", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_MissingBodyFile_ExitsBadInput()
    {
        var run = await _cli.RunAsync("issues", "file", "--title", "t", "--body-file", Path.Combine(_cli.Root, "absent.md"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_BodyOverLimit_ExitsBadInputNamingTheLimit()
    {
        var run = await _cli.RunAsync("issues", "file", "--title", "t", "--body", new string('x', 65_537));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("the limit is 65536", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task File_BodyFileOverLimit_ExitsBadInputWithoutReadingItAll()
    {
        Directory.CreateDirectory(_cli.Root);
        var file = Path.Combine(_cli.Root, "huge.txt");
        await File.WriteAllTextAsync(file, new string('y', 200_000));

        var run = await _cli.RunAsync("issues", "file", "--title", "t", "--body-file", file);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("longer than 65536 characters", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_BadLabel_ExitsBadInput()
    {
        var run = await _cli.RunAsync("issues", "file", "--title", "t", "--label", new string('l', 51));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("1 to 50 characters", run.Error, StringComparison.Ordinal);
    }
}
