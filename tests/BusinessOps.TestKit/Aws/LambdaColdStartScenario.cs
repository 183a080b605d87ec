using System.Diagnostics;

namespace BusinessOps.TestKit.Aws;

/// <summary>
/// Agent cold start as Lambda sees it: start the executable with <c>AWS_LAMBDA_RUNTIME_API</c> pointing at a
/// <see cref="FakeLambdaRuntimeApi"/> that already holds one event, and time until the process posts its response or
/// error. Each run is a new process (a new execution environment); the process tree is killed afterwards.
/// </summary>
public static class LambdaColdStartScenario
{
    public static async Task<LambdaColdStartResult> MeasureAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        string eventPayload,
        int runs,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? perRunTimeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var samples = new List<double>(runs);
        FakeRuntimeOutcome? last = null;
        for (var run = 0; run < runs; run++)
        {
            await using var api = await FakeLambdaRuntimeApi.StartAsync(cancellationToken: cancellationToken);
            var id = api.Enqueue(eventPayload, DateTimeOffset.UtcNow.AddMinutes(5));
            var start = new ProcessStartInfo(fileName) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["AWS_LAMBDA_RUNTIME_API"] = api.RuntimeApi;
            start.Environment["AWS_LAMBDA_FUNCTION_NAME"] = "businessops-agents";
            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                start.Environment[name] = value;
            }

            var started = Stopwatch.GetTimestamp();
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                last = await api.OutcomeAsync(id).WaitAsync(perRunTimeout ?? TimeSpan.FromSeconds(60), cancellationToken);
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                await process.WaitForExitAsync(CancellationToken.None);
            }
        }

        var sorted = samples.Order().ToList();
        double At(double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
        return new LambdaColdStartResult(runs, At(0.50), At(0.95), sorted[0], sorted[^1], last!);
    }
}
