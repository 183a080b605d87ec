using System.Diagnostics;
using System.Globalization;
using BusinessOps.Core.Labels;

namespace BusinessOps.Benchmarks.Scenarios;

/// <summary>
/// <c>scenarios agent-start --exe PATH [--runs 10] [--issue-data F --context F]</c>: each of the fourteen agents' process
/// start (<c>--help</c>) and start plus run on its demo input (<c>--demo</c>), wall time from exec to exit, each run a new
/// process. PATH is the multi-agent <c>ai-agents</c> (the image's executable, <c>ai-agents ai-qa-agent --demo</c>) or a
/// directory of published <c>ai-&lt;name&gt;-agent</c> executables. With <c>--issue-data</c> and <c>--context</c> the
/// support agent also runs on that ticket with that context (the knowledge base and the template the coordinator hands it).
/// Then <see cref="KnowledgeCheck"/>: the executable's knowledge-base answers against the same code in process, one ticket
/// per shipped article of <c>--policies DIR</c> (default: the repository's <c>policies/</c>); a difference fails the scenario.
/// Publish first, e.g. <c>dotnet publish agents/ai-agents -c Release -r linux-x64 -p:PublishAot=true -o /tmp/aot</c>.
/// </summary>
internal static class AgentStartSuite
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        var exe = AwsSuite.Value(args, "--exe");
        if (exe is null || !(File.Exists(exe) || Directory.Exists(exe)))
        {
            output.WriteLine("usage: scenarios agent-start --exe PATH-TO-ai-agents-OR-A-DIRECTORY [--runs 10] [--issue-data F --context F] [--policies DIR]");
            return 2;
        }

        var runs = AwsSuite.Option(args, "--runs", 10);
        var data = AwsSuite.Value(args, "--issue-data");
        var context = AwsSuite.Value(args, "--context");
        output.WriteLine($"load average before: {LoadAverage()}");
        output.WriteLine("| agent | start (--help) p50 | p95 | start + demo run (--demo) p50 | p95 |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        var failures = 0;
        var helps = new List<double>();
        var demos = new List<double>();
        foreach (var agent in AgentNames.All)
        {
            var help = await MeasureAsync(exe, agent, ["--help"], runs, ct);
            var demo = await MeasureAsync(exe, agent, ["--demo"], runs, ct);
            failures += help.Failures + demo.Failures;
            helps.Add(help.P50);
            demos.Add(demo.P50);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {agent} | {help.P50:0} ms | {help.P95:0} ms | {demo.P50:0} ms | {demo.P95:0} ms |{(help.Failures + demo.Failures > 0 ? " FAILED" : string.Empty)}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| all fourteen: median of the p50s | {Median(helps):0} ms | | {Median(demos):0} ms | |"));
        if (data is not null && context is not null)
        {
            var ticket = await MeasureAsync(exe, AgentNames.Support, ["--process-issue", "5", "--issue-data", data, "--context", context], runs, ct, strict: true);
            failures += ticket.Failures;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {AgentNames.Support} on {Path.GetFileName(data)} with {Path.GetFileName(context)} | | | {ticket.P50:0} ms | {ticket.P95:0} ms |{(ticket.Failures > 0 ? " FAILED" : string.Empty)}"));
        }

        output.WriteLine($"load average after: {LoadAverage()}");
        if ((AwsSuite.Value(args, "--policies") ?? ShippedPolicies()) is not { } policies)
        {
            output.WriteLine("knowledge check skipped: no policies/ folder found above the working directory; pass --policies DIR");
            return 1;
        }

        failures += await KnowledgeCheck.RunAsync(exe, policies, output, ct);
        return failures == 0 ? 0 : 1;
    }

    private static async Task<(double P50, double P95, int Failures)> MeasureAsync(string exe, string agent, string[] args, int runs, CancellationToken ct, bool strict = false)
    {
        var times = new List<double>(runs);
        var failures = 0;
        for (var i = 0; i < runs; i++)
        {
            var multi = File.Exists(exe);
            var start = new ProcessStartInfo(multi ? exe : Path.Combine(exe, agent));
            if (multi)
            {
                start.ArgumentList.Add(agent);
            }

            foreach (var a in args)
            {
                start.ArgumentList.Add(a);
            }

            var run = await ChildProcess.RunAsync(start, ct);
            // A demo may end in a failed result the agent reports (exit 1: a health check of an unreachable host) and still be
            // a run; the ticket with its context must complete (an agent that throws, e.g. a library missing under AOT, also exits 1).
            failures += run.ExitCode == 0 || (!strict && run.ExitCode == 1) ? 0 : 1;
            times.Add(run.Wall.TotalMilliseconds);
        }

        times.Sort();
        return (Percentile(times, 0.5), Percentile(times, 0.95), failures);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static double Median(List<double> values) => Percentile([.. values.Order()], 0.5);

    /// <summary>The repository's <c>policies/</c>, found by walking up from the working directory to <c>BusinessOps.sln</c>.</summary>
    private static string? ShippedPolicies()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BusinessOps.sln")))
            {
                return Path.Combine(dir.FullName, "policies");
            }
        }

        return null;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
}
