using System.Globalization;
using BusinessOps.TestKit.Aws;

namespace BusinessOps.Benchmarks.Scenarios;

/// <summary>
/// <c>scenarios lambda-cold-start --agent PATH [--runs N]</c>: process start to first response of an agent executable on
/// the fake Lambda Runtime API (each run a new process, as a new execution environment). Publish the agent first, e.g.
/// <c>dotnet publish agents/ai-security-agent -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o /tmp/agent-r2r</c>.
/// </summary>
internal static class LambdaColdStartSuite
{
    private const string Event = """
        {"key":"acme/ops#7/a1/plan","repository":"acme/ops","issue":7,"attempt":1,"phase":"plan","agent":"ai-security-agent","priority":"P0",
         "issueData":{"number":7,"title":"Scan","body":"### Content\n\naws_access_key_id = AKIAIOSFODNN7EXAMPLE","state":"open",
         "labels":[{"name":"security/compliance"}],"user":{"login":"dana"},"created_at":"2026-11-02T09:00:00Z","updated_at":"2026-11-02T09:00:00Z"}}
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        var i = Array.IndexOf(args, "--agent");
        if (i < 0 || i + 1 >= args.Length || !File.Exists(args[i + 1]))
        {
            output.WriteLine("usage: scenarios lambda-cold-start --agent PATH-TO-PUBLISHED-ai-security-agent [--runs 20]");
            return 2;
        }

        var runs = AwsSuite.Option(args, "--runs", 20);
        var r = await LambdaColdStartScenario.MeasureAsync(args[i + 1], [], Event, runs, cancellationToken: ct);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {args[i + 1]} | {r.Runs} runs | p50 {r.P50Ms:0} ms | p95 {r.P95Ms:0} ms | min {r.MinMs:0} ms | max {r.MaxMs:0} ms | error: {r.LastOutcome.IsError} |"));
        return r.LastOutcome.IsError ? 1 : 0;
    }
}
