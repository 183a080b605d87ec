using System.Diagnostics;
using System.Globalization;
using BusinessOps.Core;
using BusinessOps.Core.Kpis;
using BusinessOps.LocalStore;

namespace BusinessOps.Benchmarks.Scenarios.Kpis;

/// <summary>
/// <c>scenarios kpis</c>: KPIs from the index over <c>--issues</c> issues (default 100,000; issue 15 item 5: a report in
/// under 1 s and 200 MB). The real coordinator as a child process: <c>report --format json</c> once on a store whose
/// index is not built yet, then <c>--runs</c> times on a built one (wall time and peak RSS, from <c>/usr/bin/time</c>);
/// in process, the index read and the one computation alone; then the HTML page's size and Chromium's time to render it.
/// <c>--keep FILE</c> keeps a copy of the store as built (before any report), to look into; <c>--store FILE</c> measures a
/// copy of such a kept store instead of building one. <c>--baseline DLL</c> measures another build's coordinator.dll on its
/// own copy of the same store, its runs alternating with this build's, so the ratio comes from one run on a noisy machine.
/// </summary>
internal static class KpiSuite
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        var issues = AwsSuite.Option(args, "--issues", 100_000);
        var runs = AwsSuite.Option(args, "--runs", 5);
        var keep = Named(args, "--keep");
        var reuse = Named(args, "--store");
        var baseline = Named(args, "--baseline");
        var root = Directory.CreateTempSubdirectory("businessops-kpis-bench-").FullName;
        try
        {
            var store = Path.Combine(root, "ops.db");
            var now = TimeProvider.System.GetUtcNow();
            var build = Stopwatch.StartNew();
            if (reuse is null)
            {
                await KpiStoreBuilder.BuildAsync(store, issues, now, Console.Error, ct);
            }
            else
            {
                File.Copy(reuse, store);
            }

            if (keep is not null)
            {
                File.Copy(store, keep, overwrite: true);
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store: {(reuse is null ? issues.ToString("N0", CultureInfo.InvariantCulture) + " issues" : reuse)}, {new FileInfo(store).Length / 1048576.0:0} MB, {(reuse is null ? "built" : "copied")} in {build.Elapsed.TotalSeconds:0} s; load average {LoadAverage()}"));
            output.WriteLine();
            output.WriteLine("| measure | wall time | CPU time (user + sys) | peak RSS |");
            output.WriteLine("|---|---:|---:|---:|");
            var builds = new List<(string Name, string? Dll, string Store)> { ("this build", null, store) };
            if (baseline is not null)
            {
                var copy = Path.Combine(root, "baseline.db");
                File.Copy(store, copy);
                builds.Insert(0, ("baseline", baseline, copy));
            }

            string[] Report(string db) => ["report", "--store", db, "--period", "month", "--format", "json", "--out", Path.Combine(root, "report.json")];
            foreach (var (name, dll, db) in builds)
            {
                output.WriteLine(Row($"{name}: `report --format json`, index not built yet", await ChildRun.TimeAsync(Report(db), dll, ct)));
            }

            // Alternating, so both builds see the same load.
            var warm = builds.ToDictionary(b => b.Name, _ => new List<ChildRun>());
            for (var i = 0; i < runs; i++)
            {
                foreach (var (name, dll, db) in builds)
                {
                    warm[name].Add(await ChildRun.TimeAsync(Report(db), dll, ct));
                }
            }

            foreach (var (name, _, _) in builds)
            {
                output.WriteLine(Row($"{name}: `report --format json`, index built (median of {runs})", Median(warm[name])));
            }

            if (baseline is not null)
            {
                var (before, after) = (Median(warm["baseline"]), Median(warm["this build"]));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| ratio baseline ÷ this build, index built | {before.Wall / after.Wall:0.0}× | {(before.Cpu is { } b && after.Cpu is { } a ? (b / a).ToString("0.0", CultureInfo.InvariantCulture) + "×" : "n/a")} | {(before.PeakKb is { } pb && after.PeakKb is { } pa ? ((double)pb / pa).ToString("0.0", CultureInfo.InvariantCulture) + "×" : "n/a")} |"));
            }

            output.WriteLine(Row("`coordinator --version` (process start, for reference)", await ChildRun.TimeAsync(["--version"], ct)));
            output.WriteLine("load average after: " + LoadAverage());
            await InProcessAsync(store, now, output, ct);
            await PageAsync(store, root, output, ct);
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string? Named(string[] args, string name) =>
        Array.IndexOf(args, name) is var k and >= 0 && k + 1 < args.Length ? Path.GetFullPath(args[k + 1]) : null;

    /// <summary>The median run by CPU time (wall where CPU is not measured), with the highest peak of all runs.</summary>
    private static ChildRun Median(List<ChildRun> runs) =>
        runs.OrderBy(r => r.Cpu ?? r.Wall).ElementAt(runs.Count / 2) with { PeakKb = runs.Max(r => r.PeakKb) };

    /// <summary>The 1, 5 and 15 minute load averages (the machine is shared: figures say how busy it was).</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Row(string what, ChildRun run) =>
        string.Create(CultureInfo.InvariantCulture, $"| {what} | {run.Wall.TotalMilliseconds:0} ms | {(run.Cpu is { } cpu ? cpu.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms" : "n/a")} | {(run.PeakKb is { } kb ? (kb / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " MB" : "n/a")} |");

    /// <summary>
    /// In this process, best of five: the index read with <see cref="KpiCalculator.Compute"/> over every row (the full
    /// recompute), and the store's SQL aggregates (<see cref="SqliteIssueStore.ComputeKpisAsync"/>, what <c>report</c> runs).
    /// </summary>
    private static async Task InProcessAsync(string path, DateTimeOffset now, TextWriter output, CancellationToken ct)
    {
        using var store = SqliteIssueStore.Open(path, BotIdentity.Login, TimeProvider.System);
        var query = KpiQuery.For(KpiPeriodKind.Month, now, null);
        var read = TimeSpan.MaxValue;
        var compute = TimeSpan.MaxValue;
        var aggregates = TimeSpan.MaxValue;
        long allocated = 0, allocatedSql = 0;
        for (var i = 0; i < 5; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            var facts = await store.ReadFactsAsync(refresh: true, ct);
            var readTime = watch.Elapsed;
            watch.Restart();
            var snapshot = KpiCalculator.Compute(facts, query);
            var computeTime = watch.Elapsed;
            GC.KeepAlive(snapshot);
            read = readTime < read ? readTime : read;
            compute = computeTime < compute ? computeTime : compute;
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            before = GC.GetAllocatedBytesForCurrentThread();
            watch.Restart();
            GC.KeepAlive(await store.ComputeKpisAsync(query, ct));
            aggregates = watch.Elapsed < aggregates ? watch.Elapsed : aggregates;
            allocatedSql = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| in process: index read (SQLite → facts), best of 5 | {read.TotalMilliseconds:0} ms | | |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| in process: `KpiCalculator.Compute` (one pass), best of 5 | {compute.TotalMilliseconds:0} ms | | {allocated / 1048576.0:0} MB allocated by read + compute |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| in process: `ComputeKpisAsync` (SQL aggregates), best of 5 | {aggregates.TotalMilliseconds:0} ms | | {allocatedSql / 1048576.0:0.0} MB allocated |"));
    }

    /// <summary>The HTML page: its size, and Chromium's wall time to render it to a screenshot less its time for an empty page.</summary>
    private static async Task PageAsync(string store, string root, TextWriter output, CancellationToken ct)
    {
        var site = Path.Combine(root, "site") + Path.DirectorySeparatorChar;
        await ChildRun.TimeAsync(["report", "--store", store, "--period", "month", "--format", "html", "--out", site], ct);
        var page = Path.Combine(site, "index.html");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| HTML page (`--out site/`) | {new FileInfo(page).Length / 1024.0:0.0} KB | | |"));
        var chromium = Environment.GetEnvironmentVariable("BUSINESSOPS_CHROMIUM") is { Length: > 0 } named ? named : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            output.WriteLine("| Chromium render | not measured: no Chromium (apt-get install chromium) | | |");
            return;
        }

        var blank = new List<TimeSpan>();
        var full = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            blank.Add(await ChildRun.ChromiumAsync(chromium, "about:blank", root, ct));
            full.Add(await ChildRun.ChromiumAsync(chromium, new Uri(page).AbsoluteUri, root, ct));
        }

        var b = blank.Order().ElementAt(2);
        var f = full.Order().ElementAt(2);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Chromium headless screenshot of the page, less an empty page (median of 5) | {(f - b).TotalMilliseconds:0} ms ({f.TotalMilliseconds:0} − {b.TotalMilliseconds:0}) | | |"));
    }
}
