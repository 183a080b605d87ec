using System.Runtime.InteropServices;
using System.Text.Json;
using BusinessOps.Agents.Forms;
using BusinessOps.Agents.Samples;
using BusinessOps.Core;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Hosting;

/// <summary>
/// The agent contract of ARCHITECTURE.md §3, shared by the fourteen executables: parses the command line,
/// reads the issue, runs the agent, prints exactly one result JSON on stdout, writes the result back
/// through the issue store when one is configured, and returns the contract's exit code.
/// </summary>
public static partial class AgentHost
{
    /// <summary>Command-line entry point of an agent executable. SIGINT/SIGTERM cancel the run (exit 130/143).</summary>
    public static async Task<int> RunAsync(string agent, string[] args, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var exitOnCancel = ExitCodes.Interrupted;
        void OnSignal(PosixSignalContext context)
        {
            // Cancel the token instead of dying mid-write, so a half-posted result never happens.
            context.Cancel = true;
            exitOnCancel = context.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Interrupted;
            cts.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        if (Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API") is { Length: > 0 } runtimeApi)
        {
            return await RunLambdaAsync(agent, runtimeApi, null, cts.Token);
        }

        var code = await RunCoreAsync(agent, args, cts.Token);
        return cts.IsCancellationRequested && code == ExitCodes.Interrupted ? exitOnCancel : code;
    }

    /// <summary>
    /// Inside Lambda (custom runtime <c>provided.al2023</c>): the Runtime API loop, one invocation at a time.
    /// The store is GitHub when credentials are in the environment; a broken store setup is reported as an init error.
    /// </summary>
    public static async Task<int> RunLambdaAsync(string agent, string runtimeApi, HttpClient? http, CancellationToken cancellationToken)
    {
        IIssueStore? store;
        try
        {
            // Agents on AWS hold no GitHub credential: without one the issue comes in the event and the result goes back
            // as the invocation response (the function's destinations carry it to the results queue).
            store = Environment.GetEnvironmentVariable("GITHUB_REPOSITORY") is { Length: > 0 } ? StoreResolver.StoreFactory("github") : null;
        }
        catch (IssueStoreException ex)
        {
            await Lambda.LambdaRuntime.ReportInitErrorAsync(runtimeApi, ex, http, cancellationToken);
            return ExitCodes.BadInput;
        }

        return await Lambda.LambdaRuntime.RunAsync(runtimeApi, (invocation, ct) => Lambda.LambdaHandler.HandleAsync(agent, invocation, store, ct), http, cancellationToken);
    }

    /// <summary>The issue from the store (Batch: the agent fetches it itself); a missing issue or store is bad input.</summary>
    private static async Task<IssueSnapshot> FetchIssueAsync(IIssueStore? store, int number, CancellationToken ct) =>
        store is null
            ? throw new BadInputException("no --issue-data and no usable --store: pass the issue JSON, or a store the agent can read it from")
            : await store.GetIssueAsync(number, ct) ?? throw new BadInputException($"issue #{number} does not exist in {store.Location}");

    private static async Task<int> RunCoreAsync(string agent, string[] args, CancellationToken cancellationToken)
    {
        var parsed = HostArguments.TryParse(args, out var error);
        if (parsed is null)
        {
            await Console.Error.WriteLineAsync($"error: {error}. {HostArguments.Usage(agent)}");
            return ExitCodes.BadInput;
        }

        if (parsed.Help)
        {
            await Console.Out.WriteLineAsync(HelpText(agent));
            return ExitCodes.Ok;
        }

        if (!AgentNames.TryNormalize(agent, out var name) || AgentRegistry.Find(name) is null)
        {
            await Console.Error.WriteLineAsync($"error: unknown agent '{agent}'. Known: {string.Join(", ", AgentNames.All)}");
            return ExitCodes.BadInput;
        }

        var issueNumber = parsed.Demo ? 1 : parsed.Issue;
        var phase = parsed.Phase ?? (parsed.Key is not null && IdempotencyKey.TryParse(parsed.Key, out var k) ? k.Phase : IdempotencyKey.PlanPhase);
        var key = parsed.Key ?? new IdempotencyKey("local/ops", issueNumber, 1, phase).ToString();
        IIssueStore? store = null;
        try
        {
            IssueSnapshot issue;
            if (parsed.Demo)
            {
                issue = DemoIssue(name);
            }
            else
            {
                store = OpenStore(parsed.Store, name, issueNumber);
                try
                {
                    issue = parsed.IssueData is { } data
                        ? await ReadIssueAsync(data, parsed.Issue, cancellationToken)
                        : await FetchIssueAsync(store, parsed.Issue, cancellationToken);
                }
                catch (BadInputException ex)
                {
                    AgentLog.Write(name, issueNumber, key, "bad issue data: " + ex.Message);
                    return await PrintAsync(new AgentRun(ResultFactory.Failed(name, issueNumber, key, ex.Message, permanent: true), ExitCodes.BadInput), cancellationToken);
                }
            }

            var run = await ProcessAsync(name, issue, key, phase, store, cancellationToken);
            return await PrintAsync(run, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            AgentLog.Write(name, issueNumber, key, "cancelled");
            return ExitCodes.Interrupted;
        }
        catch (Exception ex)
        {
            // Store outages, unreadable files and anything unforeseen: a transient failed result, never a stack trace.
            AgentLog.Write(name, issueNumber, key, $"transient failure: {ex.GetType().Name}: {ex.Message}");
            return await PrintAsync(new AgentRun(ResultFactory.Failed(name, issueNumber, key, "Transient failure: " + ex.Message, permanent: false), ExitCodes.Failure), cancellationToken);
        }
        finally
        {
            await DisposeAsync(store);
        }
    }

    /// <summary>
    /// Runs <paramref name="agent"/> on <paramref name="issue"/> and, when <paramref name="store"/> is given, writes the
    /// result back (one comment with the result marker, one status label) unless the key was already recorded.
    /// Never throws for agent failures: they become failed results with exit code 1 (transient) or 2 (bad input).
    /// </summary>
    public static async Task<AgentRun> ProcessAsync(string agent, IssueSnapshot issue, string key, string phase, IIssueStore? store, CancellationToken cancellationToken)
    {
        if (!AgentNames.TryNormalize(agent, out var name) || AgentRegistry.Find(name) is not { } impl)
        {
            var unknown = ResultFactory.Failed(agent, issue.Number, key, $"Unknown agent '{agent}'.", permanent: true);
            return new AgentRun(unknown, ExitCodes.BadInput);
        }

        IssueSnapshot? current = null;
        if (store is not null)
        {
            try
            {
                current = await store.GetIssueAsync(issue.Number, cancellationToken);
            }
            catch (IssueStoreException ex)
            {
                // Without the current comments the key cannot be checked; running anyway could post twice.
                AgentLog.Write(name, issue.Number, key, "store read failed: " + ex.Message);
                var unreadable = ResultFactory.Failed(name, issue.Number, key, "Could not read the issue from the store: " + ex.Message, permanent: false, issue.Body);
                return new AgentRun(unreadable, ExitCodes.Failure);
            }

            var recorded = WriteBack.FindRecorded([.. current?.Comments ?? [], .. issue.Comments], store.Identity, key);
            if (recorded is not null)
            {
                AgentLog.Write(name, issue.Number, key, $"key {key} already recorded; no-op");
                var again = WriteBack.FromRecord(recorded, issue.Number);
                return new AgentRun(again, ResultFactory.ExitCodeFor(again));
            }
        }

        var result = await RunAgentAsync(impl, name, issue, key, phase, store, cancellationToken);
        if (store is null)
        {
            return new AgentRun(result, ResultFactory.ExitCodeFor(result));
        }

        if (current is null)
        {
            AgentLog.Write(name, issue.Number, key, $"issue not found in store {store.Location}; result not written back");
            return new AgentRun(result, ResultFactory.ExitCodeFor(result));
        }

        try
        {
            await WriteBack.ApplyAsync(store, current, result, cancellationToken);
            AgentLog.Write(name, issue.Number, key, $"result {result.Outcome} written back to {store.Location}");
            return new AgentRun(result, ResultFactory.ExitCodeFor(result), WroteBack: true);
        }
        catch (IssueStoreException ex)
        {
            // The analysis is fine but nobody can see it: a retry (new attempt) is the right answer.
            AgentLog.Write(name, issue.Number, key, "write-back failed: " + ex.Message);
            var failed = ResultFactory.Failed(name, issue.Number, key, "Result computed but write-back failed: " + ex.Message, permanent: false, issue.Body);
            return new AgentRun(failed, ExitCodes.Failure);
        }
    }

    private static async Task<AgentResult> RunAgentAsync(IAgent impl, string name, IssueSnapshot issue, string key, string phase, IIssueStore? store, CancellationToken cancellationToken)
    {
        try
        {
            var context = new AgentContext(name, issue, key, phase, IssueFormParser.Parse(issue.Body), store);
            return await impl.RunAsync(context, cancellationToken);
        }
        catch (BadInputException ex)
        {
            AgentLog.Write(name, issue.Number, key, "bad input: " + ex.Message);
            return ResultFactory.Failed(name, issue.Number, key, ex.Message, permanent: true, issue.Body);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Last line of defence: an agent bug is a transient failed result, never a crash or a stack trace on stdout.
            AgentLog.Write(name, issue.Number, key, $"agent failed: {ex.GetType().Name}: {ex.Message}");
            return ResultFactory.Failed(name, issue.Number, key, $"The agent failed unexpectedly ({ex.GetType().Name}); it will be retried.", permanent: false, issue.Body);
        }
    }

    private static async Task<IssueSnapshot> ReadIssueAsync(string source, int number, CancellationToken cancellationToken)
    {
        byte[] bytes;
        if (source == "-")
        {
            await using var stdin = Console.OpenStandardInput();
            bytes = await IssueJsonReader.ReadBoundedAsync(stdin, cancellationToken);
        }
        else
        {
            try
            {
                await using var file = File.OpenRead(source);
                bytes = await IssueJsonReader.ReadBoundedAsync(file, cancellationToken);
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                throw new BadInputException($"Issue data file '{source}' does not exist.", ex);
            }
        }

        return IssueJsonReader.Parse(bytes, number, TimeProvider.System.GetUtcNow());
    }

    private static IIssueStore? OpenStore(string? argument, string agent, int issue)
    {
        var location = StoreResolver.Location(argument);
        if (location is null)
        {
            return null;
        }

        var store = StoreResolver.StoreFactory(location);
        if (store is null)
        {
            AgentLog.Write(agent, issue, $"no store adapter for '{location}' in this build; the result is printed but not written back");
        }

        return store;
    }

    private static IssueSnapshot DemoIssue(string agent)
    {
        var sample = SampleIssues.All.First(s => s.Agent == agent);
        var now = TimeProvider.System.GetUtcNow();
        return new IssueSnapshot(1, sample.Title, sample.Body, IssueState.Open, sample.Labels, "demo", now, now, []);
    }

    private static async Task<int> PrintAsync(AgentRun run, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(run.Result, CoreJson.Pretty.AgentResult);
        await Console.Out.WriteLineAsync(json);
        await Console.Out.FlushAsync(cancellationToken);
        return await ResultsQueueHook.SendAsync(run, json, cancellationToken);
    }

    private static async Task DisposeAsync(IIssueStore? store)
    {
        if (store is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else if (store is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    private static string HelpText(string agent) =>
        HostArguments.Usage(agent) + "\n\n" +
        "  --process-issue N      issue number to process\n" +
        "  --issue-data FILE|-    the issue in GitHub's REST JSON shape (- reads stdin; at most 1 MB)\n" +
        "  --key KEY              idempotency key (default local/ops#N/a1/plan)\n" +
        "  --phase plan|execute   plan proposes, execute applies (default: from the key)\n" +
        "  --store PATH           write the result back to this issue store (or set BUSINESSOPS_STORE)\n" +
        "  --demo                 run on a built-in sample issue and print the result\n\n" +
        "Prints one result JSON on stdout. Exit codes: 0 ok, 1 transient failure (retry), 2 bad input.\n" +
        "Fields each agent reads: docs/AGENTS.md.";
}
