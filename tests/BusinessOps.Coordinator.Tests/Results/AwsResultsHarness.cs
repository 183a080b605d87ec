using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Samples;
using BusinessOps.Agents.Sdk;
using BusinessOps.Aws;
using BusinessOps.Aws.Executors;
using BusinessOps.Aws.Results;
using BusinessOps.Aws.Sqs;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reconcile;
using BusinessOps.Coordinator.Results;
using BusinessOps.Coordinator.Tests.GitHub.Scenarios;
using BusinessOps.GitHub;
using BusinessOps.TestKit;
using BusinessOps.TestKit.Aws;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Results;

/// <summary>
/// The coordinator against the fake GitHub and the fake AWS (Lambda with destinations, Batch, SQS) on loopback: the
/// function runs the real agent on the event it receives and its result travels as a destination record; a Batch job
/// runs the real agent on the issue in its submit and sends through the same sender the agent host uses.
/// </summary>
internal sealed class AwsResultsHarness : IAsyncDisposable
{
    public const string Queue = "businessops-results";

    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private AwsResultsHarness(GitHubScenario github, FakeAwsServer aws)
    {
        GitHub = github;
        Aws = aws;
        Environment = aws.Environment();
        Environment[ResultsQueue.Variable] = aws.CreateQueue(Queue).ToString();
        aws.DestinationQueue = Queue;
        aws.FunctionHandler = invocation => Task.FromResult(FakeLambdaOutcome.Answer(RunAgent(JsonNode.Parse(invocation.Payload)!)));
    }

    public GitHubScenario GitHub { get; }

    public FakeAwsServer Aws { get; }

    public Dictionary<string, string?> Environment { get; }

    public static async Task<AwsResultsHarness> StartAsync()
    {
        var github = await GitHubScenario.StartAsync();
        var aws = await FakeAwsServer.StartAsync(github.Clock);
        return new AwsResultsHarness(github, aws);
    }

    /// <summary>A sample issue of <paramref name="agent"/> filed at <paramref name="priority"/> (its routing label kept).</summary>
    public int File(string agent, string priority)
    {
        var sample = SampleIssues.For(Some.Epoch).First(s => s.Agent == agent);
        return GitHub.Server.SeedIssue(sample.Title, sample.Body, [.. sample.Labels.Where(l => !l.StartsWith("priority/", StringComparison.Ordinal)), priority]);
    }

    /// <summary>One coordinator run (a new process in Actions): a new store, executor, results inbox and reconciler.</summary>
    public async Task<T> RunAsync<T>(Func<ResultsPass, Reconciler, DispatchWatch, GitHubIssueStore, Task<T>> body)
    {
        using var store = new GitHubIssueStore(GitHub.Options(), GitHub.Clock);
        var policies = GitHub.Policies;
        var watch = new DispatchWatch(AwsExecutorFactory.Create(Aws.Settings, Aws.Credentials, policies.Dispatch, GitHub.Clock, AwsClientOptions.Default with { MaxAttempts = 2 }, _http));
        var reconciler = new Reconciler(store, watch, policies, GitHub.Clock, new ReconcileOptions(Concurrency: 4, DispatchImmediately: true), Log.Quiet);
        Assert.True(ResultInboxFactory.TryOpen(watch.Name, Environment, GitHub.Clock, out var inbox, out var error, _http), error);
        var results = new ResultsPass(inbox, store, policies.Repository, GitHub.Clock, Log.Quiet);
        return await body(results, reconciler, watch, store);
    }

    /// <summary>What the container of every submitted Batch job does: run the agent on the issue in the job, send the result, succeed.</summary>
    public async Task RunBatchJobsAsync()
    {
        foreach (var job in Aws.Jobs.Where(j => j.Status == "SUBMITTED"))
        {
            var overrides = job.Request["containerOverrides"]!;
            var env = overrides["environment"]!.AsArray().ToDictionary(e => (string)e!["name"]!, e => (string?)e!["value"]);
            using var gzip = new GZipStream(new MemoryStream(Convert.FromBase64String(env["BUSINESSOPS_ISSUE_DATA"]!)), CompressionMode.Decompress);
            var issue = JsonNode.Parse(gzip)!;
            var json = RunAgent(new JsonObject
            {
                ["agent"] = env["BUSINESSOPS_AGENT"],
                ["key"] = env["BUSINESSOPS_KEY"],
                ["phase"] = env["BUSINESSOPS_PHASE"],
                ["issue"] = int.Parse(env["BUSINESSOPS_ISSUE"]!, System.Globalization.CultureInfo.InvariantCulture),
                ["issueData"] = issue,
            });
            var agentEnv = new Dictionary<string, string?>(Environment) { ["AWS_BATCH_JOB_ID"] = job.JobId };
            await ResultSender.SendIfConfiguredAsync(json, agentEnv, _http, TimeProvider.System, CancellationToken.None);
            Aws.SetJobStatus(job.JobId, "SUCCEEDED");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Aws.DisposeAsync();
        await GitHub.DisposeAsync();
    }

    /// <summary>The agents the fake function serves, as the Lambda image's ai-agents does.</summary>
    private static readonly IAgent[] Agents =
    [
        new Agents.Architecture.ArchitectAgent(), new Agents.Development.DeveloperAgent(), new Agents.Quality.QaAgent(), new Agents.DevOps.DevOpsAgent(),
        new Agents.Management.ManagerAgent(), new Agents.ProjectManagement.ProjectManagerAgent(), new Agents.Marketing.MarketingAgent(),
        new Agents.Sales.SalesAgent(), new Agents.Support.SupportAgent(), new Agents.CustomerSuccess.CustomerSuccessAgent(),
        new Agents.Analytics.AnalyticsAgent(), new Agents.Finance.FinanceAgent(), new Agents.Operations.OperationsAgent(TimeProvider.System), new Agents.Security.SecurityAgent(),
    ];

    /// <summary>The agent, pure: the issue from the event in, the result JSON out (no store, no GitHub credential).</summary>
    private static string RunAgent(JsonNode dispatch)
    {
        var issue = Encoding.UTF8.GetBytes(dispatch["issueData"]!.ToJsonString());
        var agent = Agents.Single(a => a.Name == (string)dispatch["agent"]!);
        var run = AgentHost.ProcessIssueJsonAsync(agent, issue, (int)dispatch["issue"]!, (string)dispatch["key"]!, (string)dispatch["phase"]!, context: null, TimeProvider.System, CancellationToken.None).GetAwaiter().GetResult();
        return AgentHost.FormatResult(run.Result);
    }
}
