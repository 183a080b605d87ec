using BusinessOps.Core;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Issues;

public sealed class IssuesCommandListShowTests : IDisposable
{
    private readonly IssuesCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task List_Human_PrintsAlignedTable()
    {
        await _cli.RunAsync("issues", "file", "--title", "Short", "--label", "dev/qa");
        for (var i = 0; i < 9; i++)
        {
            await _cli.RunAsync("issues", "file", "--title", $"A much longer title number {i}", "--label", "priority/P1,dev/implementation");
        }

        var run = await _cli.RunAsync("issues", "list");

        var lines = run.OutputLines;
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(11, lines.Length);
        Assert.StartsWith("  #  STATE  TITLE", lines[0], StringComparison.Ordinal);
        Assert.StartsWith(" #1  open   Short ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("#10  open   A much longer title number 8", lines[10], StringComparison.Ordinal);
        var labelsColumn = lines[0].IndexOf("LABELS", StringComparison.Ordinal);
        Assert.Equal(labelsColumn, lines[1].IndexOf("dev/qa", StringComparison.Ordinal));
        Assert.Equal(labelsColumn, lines[10].IndexOf("priority/P1, dev/implementation", StringComparison.Ordinal));
        Assert.EndsWith("2026-11-02 09:00 UTC", lines[10], StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_JsonWithLabelAndState_FiltersAndPrintsArray()
    {
        await _cli.RunAsync("issues", "file", "--title", "one", "--label", "finance/analysis");
        await _cli.RunAsync("issues", "file", "--title", "two", "--label", "finance/analysis");
        await _cli.RunAsync("issues", "file", "--title", "three");
        await _cli.RunAsync("issues", "close", "2");
        await _cli.RunAsync("issues", "comment", "1", "--body", "hi");

        var open = (await _cli.RunAsync("issues", "list", "--label", "FINANCE/analysis", "--json")).Json();
        var all = (await _cli.RunAsync("issues", "list", "--label", "finance/analysis", "--state", "all", "--json")).Json();

        Assert.Equal([1], open.EnumerateArray().Select(i => i.GetProperty("number").GetInt32()));
        Assert.Equal(1, open[0].GetProperty("commentCount").GetInt32());
        Assert.Equal(["open", "closed"], all.EnumerateArray().Select(i => i.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task List_NoneWithTheLabel_SaysSoWithoutSuggestingToFile()
    {
        // Found in the user trial: 'issues list --label status/in-progress' on the demo store said "No open issues … File one".
        await _cli.RunAsync("issues", "file", "--title", "one", "--label", "finance/analysis");

        var run = await _cli.RunAsync("issues", "list", "--label", "status/in-progress");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.StartsWith("No open issues with the label(s) status/in-progress in ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("File one", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Empty_PrintsHint()
    {
        _cli.CreateStore();

        var run = await _cli.RunAsync("issues", "list");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.StartsWith($"No open issues in {_cli.StorePath}.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_BadState_ExitsBadInput()
    {
        var run = await _cli.RunAsync("issues", "list", "--state", "pending");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("error: --state must be open, closed or all (got 'pending').\n", run.Error);
    }

    [Fact]
    public async Task Show_Human_PrintsTranscriptWithoutMarkers()
    {
        await _cli.RunAsync("issues", "file", "--title", "Health check", "--body", "Endpoints:\nhttps://example.test", "--label", "operations/monitoring", "--as", "alice");
        _cli.Clock.Advance(TimeSpan.FromMinutes(5));
        using (var bot = _cli.OpenStore())
        {
            await bot.AddCommentAsync(1, "Status: queued for ai-operations-agent.\n<!-- businessops:state {\"attempt\":1} -->", CancellationToken.None);
        }

        await _cli.RunAsync("issues", "comment", "1", "--body", "/approve", "--as", "carol");

        var run = await _cli.RunAsync("issues", "show", "1");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(
            """
            #1 Health check
            open · filed by alice on 2026-11-02 09:00 UTC · labels: operations/monitoring

            Endpoints:
            https://example.test

            --- businessops[bot] (bot) · 2026-11-02 09:05 UTC · comment 1
            Status: queued for ai-operations-agent.

            --- carol · 2026-11-02 09:05 UTC · comment 2
            /approve

            """.ReplaceLineEndings("\n"),
            run.Output);
        Assert.DoesNotContain("businessops:state", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_Json_PrintsIssueWithCommentsAndMarkersVerbatim()
    {
        await _cli.RunAsync("issues", "file", "--title", "Invoice 17", "--label", "finance/analysis", "--as", "dave");
        using (var bot = _cli.OpenStore())
        {
            await bot.AddCommentAsync(1, "done <!-- businessops:result {} -->", CancellationToken.None);
        }

        var json = (await _cli.RunAsync("issues", "show", "1", "--json")).Json();

        Assert.Equal(1, json.GetProperty("number").GetInt32());
        Assert.Equal("Invoice 17", json.GetProperty("title").GetString());
        Assert.Equal("open", json.GetProperty("state").GetString());
        Assert.Equal("finance/analysis", json.GetProperty("labels")[0].GetString());
        Assert.Equal("dave", json.GetProperty("author").GetString());
        Assert.Equal(_cli.Clock.GetUtcNow(), json.GetProperty("createdAt").GetDateTimeOffset());
        var comment = Assert.Single(json.GetProperty("comments").EnumerateArray());
        Assert.Equal(1, comment.GetProperty("id").GetInt64());
        Assert.Equal("businessops[bot]", comment.GetProperty("author").GetString());
        Assert.Equal("done <!-- businessops:result {} -->", comment.GetProperty("body").GetString());
        Assert.Equal(_cli.Clock.GetUtcNow(), comment.GetProperty("createdAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Show_TerminalEscapesInBody_AreNeutralised()
    {
        await _cli.RunAsync("issues", "file", "--title", "evil\u001b]0;pwned\u0007", "--body", "\u001b[2Jcleared?");

        var run = await _cli.RunAsync("issues", "show", "1");

        Assert.DoesNotContain('\u001b', run.Output);
        Assert.DoesNotContain('\u0007', run.Output);
        Assert.Contains("\uFFFD[2Jcleared?", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_MissingIssue_ExitsNotFound()
    {
        _cli.CreateStore();

        var run = await _cli.RunAsync("issues", "show", "42");

        Assert.Equal(ExitCodes.NotFound, run.ExitCode);
        Assert.StartsWith("error: Issue #42 does not exist", run.Error, StringComparison.Ordinal);
    }
}
