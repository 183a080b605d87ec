using System.Globalization;
using BusinessOps.TestKit.Aws;

namespace BusinessOps.Benchmarks.Scenarios;

/// <summary>
/// <c>scenarios aws</c>: dispatch latency to the fake Lambda and Batch endpoints (SigV4-verified, loopback) over
/// <c>--count</c> dispatches, and SubmitJob pacing under a burst (virtual clock).
/// </summary>
internal static class AwsSuite
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        var count = Option(args, "--count", 1000);
        var burst = Option(args, "--burst", 500);
        var r = await AwsDispatchScenario.MeasureAsync(count, burst, ct);
        output.WriteLine("| measure | result |");
        output.WriteLine("|---|---|");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Lambda Invoke (Event), {r.Count} dispatches | p50 {r.LambdaP50Ms:0.00} ms, p95 {r.LambdaP95Ms:0.00} ms |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Batch ListJobs + SubmitJob, {r.Count} dispatches | p50 {r.BatchP50Ms:0.00} ms, p95 {r.BatchP95Ms:0.00} ms |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| SubmitJob burst of {r.Pacing.Burst} | {r.Pacing.JobsCreated} jobs, at most {r.Pacing.MaxPerSecond} per second, over {r.Pacing.VirtualSpan.TotalSeconds:0.0} s virtual ({r.Pacing.RealElapsed.TotalSeconds:0.0} s real) |"));
        return 0;
    }

    internal static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : fallback;
    }

    internal static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
