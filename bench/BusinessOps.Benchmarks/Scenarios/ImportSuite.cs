using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BusinessOps.Benchmarks.Scenarios.Kpis;

namespace BusinessOps.Benchmarks.Scenarios;

/// <summary>
/// <c>scenarios import</c>: the real coordinator as a child process, filing <c>--issues</c> issues (default 10,000) with one
/// <c>issues import</c>, against <c>--file-runs</c> (default 100) <c>issues file</c> processes in a loop, each on a fresh
/// SQLite store. Wall time per issue; the loop's figure extrapolated to the import's count.
/// </summary>
internal static class ImportSuite
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        var issues = AwsSuite.Option(args, "--issues", 10_000);
        var fileRuns = AwsSuite.Option(args, "--file-runs", 100);
        var root = Path.Combine(Path.GetTempPath(), "businessops-import-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            var input = Path.Combine(root, "issues.jsonl");
            await WriteInputAsync(input, issues, ct);
            var import = (await ChildRun.TimeAsync(["issues", "import", input, "--store", Path.Combine(root, "import.db")], ct)).Wall;
            var loop = Stopwatch.StartNew();
            for (var i = 0; i < fileRuns; i++)
            {
                await ChildRun.TimeAsync(["issues", "file", "--title", Title(i), "--body", Body(i), "--label", "support/technical", "--label", "priority/P2", "--store", Path.Combine(root, "file.db")], ct);
            }

            loop.Stop();
            var perFile = loop.Elapsed / fileRuns;
            output.WriteLine("| measure | result |");
            output.WriteLine("|---|---|");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `issues import` of {issues:N0} issues (one process) | {import.TotalSeconds:0.00} s, {import.TotalMilliseconds * 1000 / issues:0} µs per issue |"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `issues file` in a loop, {fileRuns} processes | {perFile.TotalSeconds:0.000} s per issue; {issues:N0} would take {(perFile * issues).TotalMinutes:0.0} min |"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| ratio | import is {perFile * issues / import:0}× faster |"));
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task WriteInputAsync(string path, int issues, CancellationToken ct)
    {
        await using var writer = new StreamWriter(path);
        for (var i = 0; i < issues; i++)
        {
            await writer.WriteLineAsync(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["title"] = Title(i),
                ["body"] = Body(i),
                ["labels"] = new[] { "support/technical", "priority/P" + (i % 4).ToString(CultureInfo.InvariantCulture) },
                ["author"] = "customer" + (i % 50).ToString(CultureInfo.InvariantCulture),
            }).AsMemory(), ct);
        }
    }

    private static string Title(int i) => string.Create(CultureInfo.InvariantCulture, $"Customer {i} cannot log in after the password reset");

    private static string Body(int i) => string.Create(CultureInfo.InvariantCulture, $"### Customer\n\ncustomer-{i}\n\n### Details\n\nThe reset link expired before the mail arrived; tried twice.");
}
