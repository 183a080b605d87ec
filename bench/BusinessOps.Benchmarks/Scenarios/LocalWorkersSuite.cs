using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BusinessOps.Agents.Samples;
using BusinessOps.Coordinator.Execution;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Ports;

namespace BusinessOps.Benchmarks.Scenarios;

/// <summary>
/// <c>scenarios local-workers</c>: local dispatch with warm workers against one process per dispatch, in the same run.
/// (1) The executor alone: <c>--dispatches</c> issues cycled over the fourteen agents' samples through warm workers (the
/// first issue of each worker is its cold start), then <c>--process-dispatches</c> through a new process each.
/// (2) The real coordinator's first pass (<c>run --once</c>) over <c>--issues</c> imported issues with warm workers, and
/// over <c>--process-issues</c> with <c>local.warm: false</c>, extrapolated per issue. Agents and coordinator: the Release
/// build in <c>--coordinator DIR</c> (default coordinator/BusinessOps.Coordinator/bin/Release/net10.0 of this checkout).
/// </summary>
internal static class LocalWorkersSuite
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        var dir = AwsSuite.Value(args, "--coordinator") ?? Path.Combine(RepositoryRoot(), "coordinator/BusinessOps.Coordinator/bin/Release/net10.0");
        if (!File.Exists(Path.Combine(dir, "coordinator.dll")))
        {
            output.WriteLine($"no coordinator.dll in {dir}: run 'dotnet build -c Release coordinator/BusinessOps.Coordinator' or pass --coordinator DIR");
            return 2;
        }

        var samples = SampleIssues.Build(new DateOnly(2026, 11, 2)).Where(s => s.Agent is not null).GroupBy(s => s.Agent).Select(g => g.First()).ToList();
        output.WriteLine("| measure | warm workers | a process per dispatch | ratio |");
        output.WriteLine("|---|---|---|---|");
        var dispatches = AwsSuite.Option(args, "--dispatches", 700);
        if (dispatches > 0)
        {
            await ExecutorAsync(dir, samples, dispatches, AwsSuite.Option(args, "--process-dispatches", 42), output, ct);
        }

        var issues = AwsSuite.Option(args, "--issues", 10_000);
        if (issues > 0)
        {
            await FirstPassAsync(dir, samples, issues, AwsSuite.Option(args, "--process-issues", 200), output, ct);
        }

        return 0;
    }

    private static async Task ExecutorAsync(string dir, IReadOnlyList<SampleIssue> samples, int dispatches, int processDispatches, TextWriter output, CancellationToken ct)
    {
        var locator = new AgentLocator([dir]);
        var options = new LocalExecutorOptions(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5));
        List<double> cold = [], warm = [], process = [];
        using (var executor = new LocalExecutor(locator, options with { Warm = true }, TimeProvider.System, Log.Quiet))
        {
            for (var i = 0; i < dispatches; i++)
            {
                var started = executor.WorkersStarted;
                var ms = await TimeAsync(executor, Request(samples, i), ct);
                (executor.WorkersStarted > started ? cold : warm).Add(ms);
            }
        }

        using (var executor = new LocalExecutor(locator, options, TimeProvider.System, Log.Quiet))
        {
            for (var i = 0; i < processDispatches; i++)
            {
                process.Add(await TimeAsync(executor, Request(samples, i), ct));
            }
        }

        output.WriteLine(Row($"dispatch p50 / p95, {warm.Count} warm + {processDispatches} process dispatches", $"**{P(warm, 0.5):0.0} / {P(warm, 0.95):0.0} ms**", $"{P(process, 0.5):0} / {P(process, 0.95):0} ms", $"{P(process, 0.5) / P(warm, 0.5):0}× faster (p50)"));
        output.WriteLine(Row($"a worker's first issue (its cold start), {cold.Count} workers", $"p50 {P(cold, 0.5):0} ms", "—", "—"));
    }

    private static async Task FirstPassAsync(string dir, IReadOnlyList<SampleIssue> samples, int issues, int processIssues, TextWriter output, CancellationToken ct)
    {
        var root = Directory.CreateTempSubdirectory("businessops-workers-bench-").FullName;
        try
        {
            var (warmSeconds, warmDispatched) = await PassAsync(dir, root, "warm", samples, issues, warm: true, ct);
            var (processSeconds, processDispatched) = await PassAsync(dir, root, "process", samples, processIssues, warm: false, ct);
            var perWarm = warmSeconds / Math.Max(1, warmDispatched);
            var perProcess = processSeconds / Math.Max(1, processDispatched);
            output.WriteLine(Row(
                $"first `run --once` pass, {issues:N0} issues (warm) / {processIssues:N0} (process)",
                $"**{warmSeconds:0.0} s**, {warmDispatched:N0} dispatched, {perWarm * 1000:0.0} ms each",
                $"{processSeconds:0.0} s, {processDispatched:N0} dispatched, {perProcess * 1000:0} ms each = {perProcess * warmDispatched / 60:0.0} min for {warmDispatched:N0}",
                $"{perProcess / perWarm:0.0}× faster per dispatch"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<(double Seconds, int Dispatched)> PassAsync(string dir, string root, string name, IReadOnlyList<SampleIssue> samples, int issues, bool warm, CancellationToken ct)
    {
        var store = Path.Combine(root, name + ".db");
        var input = Path.Combine(root, name + ".jsonl");
        await using (var writer = new StreamWriter(input))
        {
            for (var i = 0; i < issues; i++)
            {
                var s = samples[i % samples.Count];
                await writer.WriteLineAsync(JsonSerializer.Serialize(new Dictionary<string, object> { ["title"] = s.Title, ["body"] = s.Body, ["labels"] = s.Labels, ["author"] = "dana" }).AsMemory(), ct);
            }
        }

        // The whole policy folder: schedules.yml names the workflows under workflows/, which must come along.
        var policies = Path.Combine(root, name + "-policies");
        var source = Path.Combine(RepositoryRoot(), "policies");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(policies, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        // The shipped clients' maxConcurrent (2 and 3) would hold most of their issues for later passes: this measures
        // how fast one pass dispatches, so every issue may start in it, as before the fair share enforced the limit.
        var tenants = Path.Combine(policies, "tenants.yml");
        await File.WriteAllTextAsync(tenants, System.Text.RegularExpressions.Regex.Replace(await File.ReadAllTextAsync(tenants, ct), @"(?m)^\s*maxConcurrent:\s*\d+\s*\n", string.Empty), ct);

        var dispatch = Path.Combine(policies, "dispatch.yml");
        await File.WriteAllTextAsync(dispatch, System.Text.RegularExpressions.Regex.Replace(await File.ReadAllTextAsync(dispatch, ct), @"warm:\s*\S+", warm ? "warm: true" : "warm: false"), ct);
        await CoordinatorAsync(dir, ["issues", "import", input, "--store", store], ct);
        var watch = Stopwatch.StartNew();
        var json = await CoordinatorAsync(dir, ["run", "--once", "--json", "--store", store, "--policies", policies], ct);
        watch.Stop();
        using var doc = JsonDocument.Parse(json);
        return (watch.Elapsed.TotalSeconds, doc.RootElement.GetProperty("dispatched").GetInt32());
    }

    private static async Task<double> TimeAsync(LocalExecutor executor, DispatchRequest request, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = await executor.DispatchAsync(request, ct);
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (outcome.Status != DispatchStatus.Completed && outcome.Result is null)
        {
            throw new InvalidOperationException($"{request.Agent} #{request.Issue.Number}: {outcome.Error}");
        }

        return ms;
    }

    private static DispatchRequest Request(IReadOnlyList<SampleIssue> samples, int i)
    {
        var s = samples[i % samples.Count];
        var number = i + 1;
        var issue = new IssueSnapshot(number, s.Title, s.Body, IssueState.Open, s.Labels, "dana", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, []);
        return new DispatchRequest($"local/ops#{number}/a1/plan", s.Agent!, "local/ops", issue, 1, "plan", Priority.P2, null);
    }

    private static async Task<string> CoordinatorAsync(string dir, string[] args, CancellationToken ct)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(dir, "coordinator.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"coordinator {string.Join(' ', args.Take(2))} exited {process.ExitCode}: {await stderr}");
        }

        return await stdout;
    }

    private static double P(List<double> samples, double p)
    {
        if (samples.Count == 0)
        {
            return double.NaN;
        }

        var sorted = samples.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1))];
    }

    private static string Row(string a, string b, string c, string d) => string.Create(CultureInfo.InvariantCulture, $"| {a} | {b} | {c} | {d} |");

    private static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "BusinessOps.sln")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("run from a checkout (BusinessOps.sln not found above " + AppContext.BaseDirectory + ")");
    }
}
