using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BusinessOps.Coordinator.Tests.Storms;

namespace BusinessOps.Benchmarks.Scenarios;

/// <summary>
/// <c>scenarios storms</c>: <c>--issues</c> (default 10,000) issues on the local SQLite store through the real shell, the
/// fourteen agents in process, the clock moving <c>--run-ms</c> (default 255: 2,555 s for 10,000 runs, as measured with
/// real agent processes) per agent run, then a pass every <c>--interval-minutes</c> (15) for <c>--idle-hours</c> (6): writes
/// per pass by kind, dispatches, wall time and memory of each pass; then idle passes in process, incremental (the store's
/// pass index) and full (<c>run --full</c>) back to back. Then three idle passes of the real coordinator (<c>run --once</c>,
/// a fresh process each, as cron starts it; the first is a full one: its setup differs from the scenario's) over the
/// converged store: writes, wall time, CPU time, peak RSS
/// (<c>--keep DIR</c> keeps a copy of that store).
/// The scenario's clock is set so that its last pass ends shortly before the wall clock the coordinator runs on.
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

        // The benchmark is a composition root: the wall clock only places the scenario's own clock before it.
        var start = TimeProvider.System.GetUtcNow() - TimeSpan.FromMilliseconds((double)runMs * issues) - idleFor - ((settle + 2) * interval);
        using var scenario = new StormScenario(TimeSpan.FromMilliseconds(runMs), start);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{issues} issues, SQLite, agents in process, {runMs} ms of clock per agent run, a pass every {interval.TotalMinutes:0} minutes for {idleFor.TotalHours:0} hours after the cold pass"));
        output.WriteLine();
        output.WriteLine("| pass | decided | writes | issues written | most on one issue | dispatched | writes per dispatch | waiting approval | wall s | allocated MB | peak working set MB | what the writes carry |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        await scenario.RunAsync(issues, settle, interval, idleFor, p => output.WriteLine(Row(p)), ct);

        // The idle pass both ways on the same converged store, back to back: incremental (the pass index: what changed or is
        // due) and full (every open issue read and decided, as every pass was before the index), then the full pass's read alone.
        output.WriteLine();
        output.WriteLine("Idle passes in process on the converged store, a minute apart on the scenario's clock:");
        output.WriteLine();
        for (var round = 1; round <= 3; round++)
        {
            scenario.Clock.Advance(TimeSpan.FromMinutes(1));
            output.WriteLine(Row(await scenario.PassAsync($"idle {round}, incremental", ct)));
            scenario.Clock.Advance(TimeSpan.FromMinutes(1));
            output.WriteLine(Row(await scenario.PassAsync($"idle {round}, full (run --full)", ct, full: true)));
        }

        var read = Stopwatch.StartNew();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var open = await scenario.Store.ListIssuesAsync(Core.Ports.IssueQuery.Open, ct);
        read.Stop();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"A full pass's read alone (every open issue with its comments): {open.Count:N0} issues, {open.Sum(i => i.Comments.Count):N0} comments, {read.Elapsed.TotalSeconds:0.00} s, {(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0:0} MB allocated."));

        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"The real coordinator, `run --once --json`, a fresh process each, {(TimeProvider.System.GetUtcNow() - scenario.Clock.GetUtcNow()).TotalMinutes:0} minutes after the scenario's last pass:"));
        output.WriteLine();
        output.WriteLine("| pass | examined | writes | dispatched | wall s | CPU s | peak RSS MB |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        for (var i = 1; i <= 3; i++)
        {
            var (json, seconds, cpu, rssMb) = await CoordinatorPassAsync(scenario.Store.Location, ct);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| idle {i} | {json.GetProperty("examined").GetInt32():N0} | {json.GetProperty("writes").GetInt32()} | {json.GetProperty("dispatched").GetInt32()} | {seconds:0.00} | {cpu:0.00} | {rssMb:0} |"));
        }

        if (Array.IndexOf(args, "--keep") is var k and >= 0 && k + 1 < args.Length && args[k + 1] is var keep)
        {
            // The converged store, for measuring more idle passes by hand (the -wal file holds the latest writes).
            Directory.CreateDirectory(keep);
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(scenario.Store.Location)!))
            {
                File.Copy(file, Path.Combine(keep, Path.GetFileName(file)), overwrite: true);
            }

            output.WriteLine($"The converged store: {keep}");
        }

        return 0;
    }

    private static string Row(StormPass p) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {p.Name} | {p.Examined:N0} | {p.Writes:N0} | {p.IssuesWritten:N0} | {p.MostOnOneIssue} | {p.Dispatched:N0} | {(p.Dispatched == 0 ? "–" : (p.Writes / (double)p.Dispatched).ToString("0.00", CultureInfo.InvariantCulture))} | {p.Waiting:N0} | {p.Seconds:0.00} | {p.AllocatedMb:0} | {p.PeakWorkingSetMb:0} | {string.Join(", ", p.ByKind.Select(k => $"{k.Key} {k.Value:N0}"))} |");

    /// <summary>The coordinator built beside this benchmark, under <c>/usr/bin/time</c> for its peak RSS; its <c>--json</c> line, wall time, CPU time (user + system) and peak RSS.</summary>
    private static async Task<(JsonElement Json, double Seconds, double CpuSeconds, double RssMb)> CoordinatorPassAsync(string store, CancellationToken ct)
    {
        var timeFile = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(store)! };
            foreach (var a in new[] { "-o", timeFile, "-f", "%e %M %U %S", "dotnet", Path.Combine(AppContext.BaseDirectory, "coordinator.dll"), "run", "--once", "--json", "--store", store })
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"coordinator run exited {process.ExitCode}: {await stderr}{await stdout}");
            }

            var line = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(l => l.TrimStart().StartsWith('{'));
            var measured = (await File.ReadAllTextAsync(timeFile, ct)).Trim().Split('\n')[^1].Split(' ');
            using var json = JsonDocument.Parse(line);
            var cpu = double.Parse(measured[2], CultureInfo.InvariantCulture) + double.Parse(measured[3], CultureInfo.InvariantCulture);
            return (json.RootElement.Clone(), double.Parse(measured[0], CultureInfo.InvariantCulture), cpu, double.Parse(measured[1], CultureInfo.InvariantCulture) / 1024);
        }
        finally
        {
            File.Delete(timeFile);
        }
    }
}
