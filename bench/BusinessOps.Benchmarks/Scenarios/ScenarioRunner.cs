using BusinessOps.Benchmarks.Scenarios.GitHub;

namespace BusinessOps.Benchmarks.Scenarios;

/// <summary>
/// Scenario benchmarks that count API requests and rate-limit cost rather than time:
/// <c>dotnet run -c Release --project bench/BusinessOps.Benchmarks -- scenarios NAME [options]</c>.
/// </summary>
public static class ScenarioRunner
{
    private static readonly Dictionary<string, (string Description, Func<string[], TextWriter, CancellationToken, Task<int>> Run)> Scenarios = new(StringComparer.OrdinalIgnoreCase)
    {
        ["github"] = ("The coordinator on the fake GitHub: cold/idle passes, a new issue, 1,000 at once, approvals (--issues N, default 10000)", GitHubSuite.RunAsync),
        ["github-effects"] = ("GitHub requests per effect kind and a 10-effect plan against the rate-limit budget, on the fake GitHub", Effects.GitHubEffectsSuite.RunAsync),
        ["aws"] = ("Dispatch latency to the fake Lambda and Batch endpoints and SubmitJob pacing (--count 1000 --burst 500)", AwsSuite.RunAsync),
        ["batch-sets"] = ("A burst of queued issues to the fake Batch: one job per issue vs sets; Fargate cost per issue (--issues 100 --max-issues 10 --per-issue-seconds 3)", BatchSetsSuite.RunAsync),
        ["workflow"] = ("A chain of N steps started and run to completion on the fake GitHub: requests and writes per step, reads beyond the pass (args: step counts, default 4 8 16)", WorkflowSuite.RunAsync),
        ["trips"] = ("N event jobs at once tripping the same threshold rule on the fake GitHub: their requests, the serialized passes', the follow-ups opened (args: job counts, default 2 10)", TripSuite.RunAsync),
        ["import"] = ("The coordinator filing 10,000 issues with one `issues import` vs `issues file` in a loop (--issues N --file-runs M)", ImportSuite.RunAsync),
        ["kpis"] = ("`coordinator report` over 100,000 issues from the KPI index: wall time, peak RSS; the HTML page's size and render time in Chromium (--issues N --runs 5 --keep FILE --store FILE --baseline OTHER/coordinator.dll)", Kpis.KpiSuite.RunAsync),
        ["local-workers"] = ("Local dispatch: warm workers vs a process per dispatch, and the coordinator's first pass (--dispatches 700 --process-dispatches 42 --issues 10000 --process-issues 200 --coordinator DIR)", LocalWorkersSuite.RunAsync),
        ["storms"] = ("Write storms: N issues on the local SQLite store, agents in process, writes per pass by kind until idle, a policy edit (--issues 10000 --run-ms 255)", StormsSuite.RunAsync),
        ["agent-start"] = ("Each agent's process start (--help) and start plus demo run (--demo), a new process each run; the support agent on a ticket with its knowledge base (--exe PATH --runs 10 --issue-data F --context F)", AgentStartSuite.RunAsync),
        ["lambda-cold-start"] = ("An agent's cold start on the fake Lambda Runtime API (--agent PATH --runs 20)", LambdaColdStartSuite.RunAsync),
    };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || !Scenarios.TryGetValue(args[0], out var scenario))
        {
            Console.Error.WriteLine(args.Length == 0 ? "Name a scenario:" : $"No scenario '{args[0]}'. Available:");
            foreach (var (name, (description, _)) in Scenarios)
            {
                Console.Error.WriteLine($"  scenarios {name}  {description}");
            }

            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return await scenario.Run(args[1..], Console.Out, cancel.Token);
    }
}
