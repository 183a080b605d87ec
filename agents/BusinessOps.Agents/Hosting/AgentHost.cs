using System.Runtime.InteropServices;
using System.Text.Json;
using BusinessOps.Agents.Samples;
using BusinessOps.Agents.Sdk;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;

namespace BusinessOps.Agents.Hosting;

/// <summary>
/// The agent contract of ARCHITECTURE.md §3, shared by the agent executables: parses the command line, reads the issue
/// and the coordinator's context, runs the agent it was handed, prints exactly one result JSON on stdout and returns the
/// contract's exit code. Agents write nothing; only a standalone <c>--store PATH --write-back</c> run writes its result
/// comment, through the same function the coordinator uses.
/// </summary>
public static partial class AgentHost
{
    /// <summary>Command-line entry point of an agent executable: <paramref name="agent"/> is the one agent it runs.</summary>
    public static Task<int> RunAsync(IAgent agent, string[] args, CancellationToken cancellationToken) => RunAsync([agent], args, cancellationToken);

    /// <summary>
    /// Entry point of a host for several agents (the Lambda image's <c>ai-agents</c>): inside Lambda the event names the
    /// agent; on the command line the first argument does (<c>ai-agents ai-qa-agent --demo</c>). SIGINT/SIGTERM cancel the
    /// run (exit 130/143).
    /// </summary>
    public static async Task<int> RunAsync(IReadOnlyList<IAgent> agents, string[] args, CancellationToken cancellationToken)
    {
#pragma warning disable RS0030 // The composition root of every agent executable: the one place an agent process chooses the system clock.
        var clock = TimeProvider.System;
#pragma warning restore RS0030
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var exitOnCancel = ExitCodes.Interrupted;
        void OnSignal(PosixSignalContext context)
        {
            // Cancel the token instead of dying mid-output, so a half-printed result never happens.
            context.Cancel = true;
            exitOnCancel = context.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Interrupted;
            cts.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        if (Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API") is { Length: > 0 } runtimeApi)
        {
            return await RunLambdaAsync(agents, runtimeApi, null, clock, cts.Token);
        }

        var agent = agents.Count == 1 ? agents[0] : args.Length > 0 ? Find(agents, args[0]) : null;
        if (agent is null)
        {
            await Console.Error.WriteLineAsync($"error: name the agent to run first, one of: {string.Join(", ", agents.Select(a => a.Name))}");
            return ExitCodes.BadInput;
        }

        var code = await RunCoreAsync(agent, agents.Count == 1 ? args : args[1..], clock, cts.Token);
        return cts.IsCancellationRequested && code == ExitCodes.Interrupted ? exitOnCancel : code;
    }

    /// <summary>
    /// Inside Lambda (custom runtime <c>provided.al2023</c>): the Runtime API loop, one invocation at a time. The response
    /// is the result JSON (Lambda's destinations carry it to the coordinator); the function holds no GitHub credential.
    /// </summary>
    public static Task<int> RunLambdaAsync(IReadOnlyList<IAgent> agents, string runtimeApi, HttpClient? http, TimeProvider clock, CancellationToken cancellationToken) =>
        Lambda.LambdaRuntime.RunAsync(runtimeApi, (invocation, ct) => LambdaHandler.HandleAsync(agents, invocation, clock, ct), http, clock, cancellationToken);

    /// <summary>
    /// Runs <paramref name="agent"/> on <paramref name="issue"/> with the coordinator's <paramref name="context"/> (null:
    /// built-in policies, no data). Never throws for agent failures: they become failed results with exit code 1
    /// (transient) or 2 (bad input). Writes nothing.
    /// </summary>
    public static async Task<AgentRun> ProcessAsync(IAgent agent, IssueSnapshot issue, string key, string phase, DispatchContext? context, CancellationToken cancellationToken)
    {
        AgentResult result;
        try
        {
            result = await agent.RunAsync(AgentContext.For(agent.Name, issue, key, phase, context), cancellationToken);
        }
        catch (BadInputException ex)
        {
            AgentLog.Write(agent.Name, issue.Number, key, "bad input: " + ex.Message);
            result = ResultFactory.Failed(agent.Name, issue.Number, key, ex.Message, permanent: true, issue.Body);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Last line of defence: an agent bug is a transient failed result, never a crash or a stack trace on stdout.
            AgentLog.Write(agent.Name, issue.Number, key, $"agent failed: {ex.GetType().Name}: {ex.Message}");
            result = ResultFactory.Failed(agent.Name, issue.Number, key, $"The agent failed unexpectedly ({ex.GetType().Name}); it will be retried.", permanent: false, issue.Body);
        }

        return new AgentRun(result, ResultFactory.ExitCodeFor(result));
    }

    internal static IAgent? Find(IReadOnlyList<IAgent> agents, string name) =>
        AgentNames.TryNormalize(name, out var normalized) ? agents.FirstOrDefault(a => a.Name == normalized) : null;

    private static async Task<int> RunCoreAsync(IAgent agent, string[] args, TimeProvider clock, CancellationToken cancellationToken)
    {
        var parsed = HostArguments.TryParse(args, out var error);
        if (parsed is null)
        {
            await Console.Error.WriteLineAsync($"error: {error}. {HostArguments.Usage(agent.Name)}");
            return ExitCodes.BadInput;
        }

        if (parsed.Help)
        {
            await Console.Out.WriteLineAsync(HelpText(agent.Name));
            return ExitCodes.Ok;
        }

        var issueNumber = parsed.Demo ? 1 : parsed.Issue;
        var phase = parsed.Phase ?? (parsed.Key is not null && IdempotencyKey.TryParse(parsed.Key, out var k) ? k.Phase : IdempotencyKey.PlanPhase);
        var key = parsed.Key ?? new IdempotencyKey("local/ops", issueNumber, 1, phase).ToString();
        IIssueStore? store = null;
        try
        {
            IssueSnapshot issue;
            DispatchContext? context;
            if (parsed.Demo)
            {
                (issue, context) = (DemoIssue(agent.Name, clock.GetUtcNow()), DemoContext);
            }
            else
            {
                try
                {
                    store = parsed.Store is { } path ? StandaloneStore.Open(path, clock) : null;
                    (var given, context) = await AgentInput.ReadAsync(parsed, Console.OpenStandardInput, clock.GetUtcNow(), cancellationToken);
                    issue = given ?? await StandaloneStore.ReadIssueAsync(store!, parsed.Issue, cancellationToken);
                }
                catch (BadInputException ex)
                {
                    AgentLog.Write(agent.Name, issueNumber, key, "bad input: " + ex.Message);
                    return await PrintAsync(new AgentRun(ResultFactory.Failed(agent.Name, issueNumber, key, ex.Message, permanent: true), ExitCodes.BadInput), clock, cancellationToken);
                }
            }

            var run = await ProcessAsync(agent, issue, key, phase, context, cancellationToken);
            if (parsed.WriteBack)
            {
                run = await StandaloneStore.WriteBackAsync(store!, run, cancellationToken);
            }

            return await PrintAsync(run, clock, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            AgentLog.Write(agent.Name, issueNumber, key, "cancelled");
            return ExitCodes.Interrupted;
        }
        catch (Exception ex)
        {
            // Store outages, unreadable files and anything unforeseen: a transient failed result, never a stack trace.
            AgentLog.Write(agent.Name, issueNumber, key, $"transient failure: {ex.GetType().Name}: {ex.Message}");
            return await PrintAsync(new AgentRun(ResultFactory.Failed(agent.Name, issueNumber, key, "Transient failure: " + ex.Message, permanent: false), ExitCodes.Failure), clock, CancellationToken.None);
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }

    /// <summary>The samples probe loopback addresses, so <c>--demo</c> allows loopback (and only that).</summary>
    private static DispatchContext DemoContext { get; } = new() { Policies = new AgentPolicies { Network = NetworkPolicy.PublicOnly with { AllowLoopback = true } } };

    private static IssueSnapshot DemoIssue(string agent, DateTimeOffset now)
    {
        var sample = SampleIssues.For(now).First(s => s.Agent == agent);
        return new IssueSnapshot(1, sample.Title, sample.Body, IssueState.Open, sample.Labels, "demo", now, now, []);
    }

    private static async Task<int> PrintAsync(AgentRun run, TimeProvider clock, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(run.Result, CoreJson.Pretty.AgentResult);
        await Console.Out.WriteLineAsync(json);
        await Console.Out.FlushAsync(cancellationToken);
        return await ResultsQueueHook.SendAsync(run, json, clock, cancellationToken);
    }

    private static string HelpText(string agent) =>
        HostArguments.Usage(agent) + "\n\n" +
        "  --process-issue N      issue number to process\n" +
        "  --issue-data FILE|-    the issue in GitHub's REST JSON shape (- reads stdin; at most 1 MB)\n" +
        "  --context FILE|-       the coordinator's context: client profile, policies, scoped data (docs/AGENTS.md);\n" +
        "                         with --issue-data - too, stdin is one envelope {\"issue\": {...}, \"context\": {...}}\n" +
        "  --key KEY              idempotency key (default local/ops#N/a1/plan)\n" +
        "  --phase plan|execute   plan proposes, execute applies (default: from the key)\n" +
        "  --store PATH           a local SQLite store to read the issue from when --issue-data is not given\n" +
        "  --write-back           post the result comment to --store (once per key; the coordinator settles labels)\n" +
        "  --demo                 run on a built-in sample issue and print the result\n\n" +
        "Prints one result JSON on stdout and writes nothing elsewhere (unless --write-back).\n" +
        "Exit codes: 0 ok, 1 transient failure (retry), 2 bad input. Fields each agent reads: docs/AGENTS.md.";
}
