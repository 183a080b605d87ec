using System.Globalization;
using BusinessOps.Coordinator.Tests.GitHub.Scenarios;

namespace BusinessOps.Benchmarks.Scenarios.GitHub;

/// <summary>The figures of the passes, as a Markdown table.</summary>
internal sealed class ScenarioTable
{
    private readonly List<(string Scenario, PassFigures Pass, string Note)> _rows = [];

    public void Add(string scenario, PassFigures pass, string note) => _rows.Add((scenario, pass, note));

    public void Write(TextWriter output)
    {
        output.WriteLine("| scenario | issues | requests | list pages | issue reads | comment reads | permission reads | writes | 304 (free) | rate-limit cost | secondary-limit answers | dispatched | fake clock | wall clock | notes |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (scenario, p, note) in _rows)
        {
            var r = p.Requests;
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {scenario} | {p.Issues:N0} | {r.Total:N0} | {r.IssueListPages:N0} | {r.IssueReads:N0} | {r.CommentReads + r.RepoCommentPages:N0} | {r.PermissionReads:N0} | {r.Writes:N0} | {p.NotModified:N0} | {p.RateLimitCost:N0} | {p.SecondaryLimitResponses:N0} | {p.Dispatched:N0} | {Fake(p.FakeTime)} | {p.Elapsed.TotalSeconds:0.0} s | {note} |"));
        }
    }

    private static string Fake(TimeSpan t) => t.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalHours:0.0} h")
        : string.Create(CultureInfo.InvariantCulture, $"{t.TotalMinutes:0} min");
}
