using System.Text;
using System.Text.Json;
using BusinessOps.Core;
using BusinessOps.Core.Ports;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Issues;

public sealed class IssuesCommandImportTests : IDisposable
{
    private readonly IssuesCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Import_JsonLines_FilesEveryIssueWithItsAuthorBodyAndLabels()
    {
        var file = Write("in.jsonl", Line(new { title = "Refund order 17", body = "### Order\n\n17", labels = new[] { "support/billing", "priority/P2" }, author = "alice" }), Line(new { title = "Quarterly numbers", labels = "analytics/report, priority/P3" }));

        var run = await _cli.RunAsync("issues", "import", file, "--as", "importer");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("Filed 2 issues (#1–#2)", run.Output, StringComparison.Ordinal);
        var issues = await AllAsync();
        Assert.Equal([("Refund order 17", "alice"), ("Quarterly numbers", "importer")], issues.Select(i => (i.Title, i.Author)));
        Assert.Equal("### Order\n\n17", issues[0].Body);
        Assert.Equal(["analytics/report", "priority/P3"], issues[1].Labels);
    }

    [Fact]
    public async Task Import_BadLines_EachReportedWithItsNumberAndTheGoodOnesFiled()
    {
        var lines = new List<byte[]>
        {
            Bytes(Line(new { title = "good one" })),
            Bytes(Line(new { body = "no title" })),
            Bytes(Line(new { title = new string('x', 300) })),
            Bytes(Line(new { title = "bad label", labels = new[] { "a,b" } })),
            Bytes("{\"title\": \"unclosed\""),
            Bytes(Line(new { title = "typo", lables = new[] { "x" } })),
            Bytes("{\"title\":\"bad ").Append((byte)0xFF).Concat(Bytes("\"}")).ToArray(),
            Bytes(Line(new { title = "bad author", author = "two words" })),
            Bytes("[1, 2]"),
            Bytes(Line(new { title = "good two" })),
        };
        var file = WriteBytes("bad.jsonl", [.. lines.SelectMany(l => l.Append((byte)'\n'))]);

        var run = await _cli.RunAsync("issues", "import", file, "--as", "importer");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var errors = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(8, errors.Length);
        Assert.StartsWith("line 2: no title", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("line 3: The title is 300 characters long; the limit is 256", errors[1], StringComparison.Ordinal);
        Assert.StartsWith("line 4: Label 'a,b' contains a comma", errors[2], StringComparison.Ordinal);
        Assert.StartsWith("line 5: the line is not a JSON object", errors[3], StringComparison.Ordinal);
        Assert.StartsWith("line 6: unknown field 'lables'", errors[4], StringComparison.Ordinal);
        Assert.StartsWith("line 7: the line is not valid UTF-8", errors[5], StringComparison.Ordinal);
        Assert.StartsWith("line 8: The author 'two words' is not a valid login", errors[6], StringComparison.Ordinal);
        Assert.StartsWith("line 9: the line is a JSON array", errors[7], StringComparison.Ordinal);
        Assert.Equal(["good one", "good two"], (await AllAsync()).Select(i => i.Title));
    }

    [Fact]
    public async Task Import_RerunWithSkipExisting_FilesOnlyWhatIsMissing()
    {
        var file = Write("in.jsonl", Line(new { title = "same title", author = "alice" }), Line(new { title = "with id", id = 42 }), Line(new { body = "fix me" }));
        var first = await _cli.RunAsync("issues", "import", file, "--as", "importer");
        File.WriteAllText(file, string.Join('\n', Line(new { title = "same title", author = "ALICE" }), Line(new { title = "renamed, same id", id = 42 }), Line(new { title = "fixed" }), Line(new { title = "fixed" })));

        var second = await _cli.RunAsync("issues", "import", file, "--as", "importer", "--skip-existing", "--json");

        Assert.Equal((ExitCodes.BadInput, ExitCodes.Ok), (first.ExitCode, second.ExitCode));
        var json = second.Json();
        Assert.Equal((1, 3), (json.GetProperty("filed").GetInt32(), json.GetProperty("skipped").GetInt32()));
        Assert.Equal(["same title", "with id", "fixed"], (await AllAsync()).Select(i => i.Title));

        // The same title twice in one input is filed once; the id survives in a hidden marker that show leaves out.
        var show = await _cli.RunAsync("issues", "show", "2");
        Assert.DoesNotContain("businessops:import", show.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_Csv_QuotedCommasQuotesAndLineBreaksKept_MalformedRecordsReported()
    {
        var file = Write(
            "in.csv",
            "title,body,labels,author,id",
            "\"Multi line, with comma\",\"line one",
            "line two \"\"quoted\"\"\",\"support/technical,priority/P2\",alice,A-1",
            ",empty title,,,",
            "bad \"quote\" here,body,,,",
            "too,many,fields,in,this,row",
            "ok row,b,,bob,");

        var run = await _cli.RunAsync("issues", "import", file, "--as", "importer");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(
            [
                "line 4: the title is empty: every issue needs a one-line summary",
                "line 5: a quote inside an unquoted field: quote the whole field and double the inner quotes (\"say \"\"hi\"\"\")",
                "line 6: the record has a different number of fields than the header: quote fields that contain commas (\"a, b\")",
            ],
            run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var issues = await AllAsync();
        Assert.Equal([("Multi line, with comma", "alice"), ("ok row", "bob")], issues.Select(i => (i.Title, i.Author)));
        Assert.StartsWith("line one\nline two \"quoted\"", issues[0].Body, StringComparison.Ordinal);
        Assert.Equal(["support/technical", "priority/P2"], issues[0].Labels);
    }

    [Theory]
    [InlineData("body,labels", "no 'title' column")]
    [InlineData("title,body,assignee", "unknown column(s) 'assignee'")]
    public async Task Import_CsvHeaderWrong_OneClearErrorAndNothingFiled(string header, string expected)
    {
        var file = Write("in.csv", header, "x,y");

        var run = await _cli.RunAsync("issues", "import", file, "--as", "importer");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("line 1: the header has", run.Error, StringComparison.Ordinal);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Empty(await AllAsync());
    }

    [Fact]
    public async Task Import_LineLongerThanAnyIssue_ReportedAndTheNextLineStillFiled()
    {
        var huge = Line(new { title = "huge", body = new string('b', 600 * 1024) });
        var file = Write("in.jsonl", huge, Line(new { title = "after the huge one" }));

        var run = await _cli.RunAsync("issues", "import", file, "--as", "importer");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("line 1: the line is longer than", run.Error, StringComparison.Ordinal);
        Assert.Equal(["after the huge one"], (await AllAsync()).Select(i => i.Title));
    }

    [Fact]
    public async Task Import_BodyOverTheStoreLimit_ReportedWithTheLimit()
    {
        var file = Write("in.jsonl", Line(new { title = "long body", body = new string('b', 70_000) }));

        var run = await _cli.RunAsync("issues", "import", file, "--as", "importer");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("line 1: The issue body is 70000 characters long; the limit is 65536", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_StdinWithoutFormat_JsonRecognisedFromItsFirstByte()
    {
        var input = Encoding.UTF8.GetBytes(Line(new { title = "from a pipe" }) + "\n");
        using var cli = new IssuesCli(stdin: () => new MemoryStream(input));

        var run = await cli.RunAsync("issues", "import", "-", "--as", "importer");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var store = cli.OpenStore();
        Assert.Equal("from a pipe", (await store.GetIssueAsync(1, CancellationToken.None))!.Title);
    }

    [Fact]
    public async Task Import_DryRun_CountsAndWritesNothing()
    {
        var file = Write("in.jsonl", Line(new { title = "a" }), Line(new { title = "b" }));

        var run = await _cli.RunAsync("issues", "import", file, "--as", "importer", "--dry-run");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("Dry run: 2 issues would be filed", run.Output, StringComparison.Ordinal);
        Assert.Empty(await AllAsync());
    }

    [Fact]
    public async Task Import_ManyIssues_ProgressLinesWithoutEscapeSequences()
    {
        var file = Write("in.jsonl", [.. Enumerable.Range(0, 2500).Select(i => Line(new { title = "issue " + i }))]);

        var run = await _cli.RunAsync("issues", "import", file, "--as", "importer");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(["import: 1000 issues filed", "import: 2000 issues filed"], run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[..l.IndexOf(" (", StringComparison.Ordinal)]));
        Assert.DoesNotContain('\u001b', run.Error);
        Assert.Equal(2500, (await AllAsync()).Count);
    }

    [Fact]
    public async Task Import_MissingFile_BadInputWithThePath()
    {
        var run = await _cli.RunAsync("issues", "import", Path.Combine(_cli.Root, "nope.jsonl"));

        // A file the user names that is not there is bad usage (2), as for --body-file, --event and --policies; 3 is for issues.
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("nope.jsonl' does not exist", run.Error, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<BusinessOps.Core.Issues.IssueSnapshot>> AllAsync()
    {
        if (!File.Exists(_cli.StorePath))
        {
            return [];
        }

        using var store = _cli.OpenStore();
        return await store.ListIssuesAsync(new IssueQuery(IssueStateFilter.All), CancellationToken.None);
    }

    private string Write(string name, params string[] lines) => WriteBytes(name, Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));

    private string WriteBytes(string name, byte[] bytes)
    {
        Directory.CreateDirectory(_cli.Root);
        var path = Path.Combine(_cli.Root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Line(object value) => JsonSerializer.Serialize(value);

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
