using System.Diagnostics;

namespace BusinessOps.Benchmarks.Scenarios;

/// <summary>A child process run to its end: exit code, both outputs read while it runs, and its wall time.</summary>
internal sealed record ChildProcess(int ExitCode, string Stdout, string Stderr, TimeSpan Wall)
{
    public static async Task<ChildProcess> RunAsync(ProcessStartInfo start, CancellationToken ct)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        watch.Stop();
        return new ChildProcess(process.ExitCode, await stdout, await stderr, watch.Elapsed);
    }
}
