using System.Diagnostics;
using System.Globalization;

namespace BusinessOps.Benchmarks.Scenarios.Kpis;

/// <summary>
/// One child process's wall time, CPU time (user + system) and peak resident set (kB), the last two from <c>/usr/bin/time</c>
/// where it exists. CPU time is the figure to compare on a shared machine: wall time there includes waiting for a core.
/// </summary>
internal sealed record ChildRun(TimeSpan Wall, long? PeakKb, TimeSpan? Cpu = null)
{
    private const string Time = "/usr/bin/time";

    /// <summary>Runs the coordinator built beside this benchmark; a failure stops the scenario.</summary>
    public static Task<ChildRun> TimeAsync(string[] args, CancellationToken ct) => TimeAsync(args, null, ct);

    /// <summary>Runs <paramref name="coordinator"/> (a coordinator.dll; null: the one built beside this benchmark); a failure stops the scenario.</summary>
    public static async Task<ChildRun> TimeAsync(string[] args, string? coordinator, CancellationToken ct)
    {
        var measured = File.Exists(Time);
        var start = new ProcessStartInfo(measured ? Time : "dotnet");
        if (measured)
        {
            foreach (var a in new[] { "-f", "peak-kb %M %U %S", "dotnet" })
            {
                start.ArgumentList.Add(a);
            }
        }

        start.ArgumentList.Add(coordinator ?? Path.Combine(AppContext.BaseDirectory, "coordinator.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        var run = await ChildProcess.RunAsync(start, ct);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"coordinator {string.Join(' ', args.Take(2))} exited {run.ExitCode}: {run.Stderr}{run.Stdout}");
        }

        var line = run.Stderr.Split('\n').LastOrDefault(l => l.StartsWith("peak-kb ", StringComparison.Ordinal));
        if (line is null)
        {
            return new ChildRun(run.Wall, null);
        }

        var parts = line["peak-kb ".Length..].Split(' ');
        var cpu = double.Parse(parts[1], CultureInfo.InvariantCulture) + double.Parse(parts[2], CultureInfo.InvariantCulture);
        return new ChildRun(run.Wall, long.Parse(parts[0], CultureInfo.InvariantCulture), TimeSpan.FromSeconds(cpu));
    }

    /// <summary>Chromium's wall time to load <paramref name="url"/> headless and write a screenshot of it.</summary>
    public static async Task<TimeSpan> ChromiumAsync(string chromium, string url, string root, CancellationToken ct)
    {
        var profile = Directory.CreateTempSubdirectory("businessops-chromium-bench-");
        try
        {
            var start = new ProcessStartInfo(chromium);
            foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--user-data-dir=" + profile.FullName, "--window-size=1280,2000", "--screenshot=" + Path.Combine(root, "shot.png"), url })
            {
                start.ArgumentList.Add(a);
            }

            return (await ChildProcess.RunAsync(start, ct)).Wall;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
