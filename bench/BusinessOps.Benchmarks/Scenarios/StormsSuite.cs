using System.Globalization;
using BusinessOps.Coordinator.Tests.Storms;

namespace BusinessOps.Benchmarks.Scenarios;

/// <summary>
/// <c>scenarios storms</c>: <c>--issues</c> (default 10,000) issues on the local SQLite store through the real shell, the
/// fourteen agents in process, the clock moving <c>--run-ms</c> (default 255: 2,555 s for 10,000 runs, as measured with
/// real agent processes) per agent run, then a pass every <c>--interval-minutes</c> (15) for <c>--idle-hours</c> (6): writes
/// per pass by kind, dispatches, wall time and memory of each pass.
/// </summary>
internal static class StormsSuite
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        var issues = AwsSuite.Option(args, "--issues", 10_000);
        var runMs = AwsSuite.Option(args, "--run-ms", 255);
        var settle = AwsSuite.Option(args, "--max-settle", 4);
        var interval = TimeSpan.FromMinutes(AwsSuite.Option(args, "--interval-minutes", 15));
        var idleFor = TimeSpan.FromHours(AwsSuite.Option(args, "--idle-hours", 6));
        using var scenario = new StormScenario(TimeSpan.FromMilliseconds(runMs));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{issues} issues, SQLite, agents in process, {runMs} ms of clock per agent run, a pass every {interval.TotalMinutes:0} minutes for {idleFor.TotalHours:0} hours after the cold pass"));
        output.WriteLine();
        output.WriteLine("| pass | writes | issues written | most on one issue | dispatched | writes per dispatch | waiting approval | wall s | allocated MB | peak working set MB | writes by kind |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        await scenario.RunAsync(issues, settle, interval, idleFor, p => output.WriteLine(Row(p)), ct);
        return 0;
    }

    private static string Row(StormPass p) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {p.Name} | {p.Writes:N0} | {p.IssuesWritten:N0} | {p.MostOnOneIssue} | {p.Dispatched:N0} | {(p.Dispatched == 0 ? "–" : (p.Writes / (double)p.Dispatched).ToString("0.00", CultureInfo.InvariantCulture))} | {p.Waiting:N0} | {p.Seconds:0.00} | {p.AllocatedMb:0} | {p.PeakWorkingSetMb:0} | {string.Join(", ", p.ByKind.Select(k => $"{k.Key} {k.Value:N0}"))} |");
}
