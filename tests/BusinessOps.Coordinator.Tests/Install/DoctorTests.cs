using BusinessOps.Aws.Sqs;
using BusinessOps.Coordinator.Install;
using BusinessOps.Coordinator.Tests.GitHub.Scenarios;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Policies;
using BusinessOps.GitHub;
using BusinessOps.TestKit;
using BusinessOps.TestKit.Aws;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Install;

/// <summary><c>coordinator doctor</c> against the fake GitHub and the fake AWS: one line per check, a fix for each problem.</summary>
public sealed class DoctorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("bo-doctor-").FullName;
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    [Fact]
    public async Task Doctor_RepositoryWithoutLabels_FailsTheLabelsWithTheSyncCommand()
    {
        await using var github = await GitHubScenario.StartAsync();

        var checks = await RunAsync(github, github.Server.Token);

        var labels = Assert.Single(checks, c => c.Name == "labels");
        Assert.Equal(DoctorStatus.Fail, labels.Status);
        Assert.Contains("coordinator labels sync", labels.Fix, StringComparison.Ordinal);
        Assert.Equal(DoctorStatus.Ok, Assert.Single(checks, c => c.Name == "token").Status);
        Assert.Equal(DoctorStatus.Warn, Assert.Single(checks, c => c.Name == "issues: write").Status);
    }

    [Fact]
    public async Task Doctor_TokenWithoutIssuesWrite_FailsNamingThePermission()
    {
        await using var github = await GitHubScenario.StartAsync();
        await SyncLabelsAsync(github);

        var checks = await RunAsync(github, github.Server.ReadOnlyToken);

        var write = Assert.Single(checks, c => c.Name == "issues: write");
        Assert.Equal(DoctorStatus.Fail, write.Status);
        Assert.Contains("Issues: read and write", write.Fix, StringComparison.Ordinal);
        Assert.Equal(DoctorStatus.Ok, Assert.Single(checks, c => c.Name == "labels").Status);
    }

    [Fact]
    public async Task Doctor_BadToken_FailsTheTokenLine()
    {
        await using var github = await GitHubScenario.StartAsync();

        var checks = await RunAsync(github, "ghp_not_a_token", identity: null);

        var token = Assert.Single(checks, c => c.Name is "token" or "github");
        Assert.Equal(DoctorStatus.Fail, token.Status);
        Assert.Contains("GITHUB_TOKEN", token.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_CompleteLocalInstallation_NothingBroken()
    {
        await using var github = await GitHubScenario.StartAsync();
        await SyncLabelsAsync(github);
        Init(new InstallOptions("acme/businessops", "v1.2.0"));

        var checks = await RunAsync(github, github.Server.Token, release: "v1.2.0");

        Assert.All(checks, c => Assert.True(c.Status == DoctorStatus.Ok, c.ToString()));
        Assert.Contains(checks, c => c.Name == "workflow" && c.Detail.Contains("acme/businessops@v1.2.0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Doctor_OlderInstallation_WarnsWithTheUpgrade()
    {
        await using var github = await GitHubScenario.StartAsync();
        Init(new InstallOptions("acme/businessops", "v1.1.0"));

        var checks = await RunAsync(github, github.Server.Token, release: "v1.2.0");

        var version = Assert.Single(checks, c => c.Name == "version");
        Assert.Equal(DoctorStatus.Warn, version.Status);
        Assert.Contains("v1.1.0 to v1.2.0", version.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_NoWorkflow_FailsWithInit()
    {
        await using var github = await GitHubScenario.StartAsync();

        var checks = await RunAsync(github, github.Server.Token);

        Assert.Contains(checks, c => c is { Name: "workflow", Status: DoctorStatus.Fail } && c.Fix!.Contains("coordinator init", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Doctor_AwsStackWiredToTheQueue_AllAwsChecksOk()
    {
        await using var github = await GitHubScenario.StartAsync();
        await using var aws = await FakeAwsServer.StartAsync();
        var env = AwsEnvironment(aws);

        var checks = await RunAsync(github, github.Server.Token, env: env);

        foreach (var name in new[] { "aws credentials", "results queue", "lambda destinations", "batch queue" })
        {
            var check = Assert.Single(checks, c => c.Name == name);
            Assert.True(check.Status == DoctorStatus.Ok, check.ToString());
        }
    }

    [Fact]
    public async Task Doctor_BatchQueueWithoutFairShare_WarnsThatTenantsShareFirstInFirstOut()
    {
        await using var github = await GitHubScenario.StartAsync();
        await using var aws = await FakeAwsServer.StartAsync();
        aws.FairShareQueues.Clear();

        var checks = await RunAsync(github, github.Server.Token, env: AwsEnvironment(aws));

        var batch = Assert.Single(checks, c => c.Name == "batch queue");
        Assert.Equal(DoctorStatus.Warn, batch.Status);
        Assert.Contains("no fair-share scheduling policy", batch.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_FunctionReportingElsewhere_FailsBecauseResultsWouldNeverBeRecorded()
    {
        await using var github = await GitHubScenario.StartAsync();
        await using var aws = await FakeAwsServer.StartAsync();
        var env = AwsEnvironment(aws);
        aws.CreateQueue("old-queue");
        aws.DestinationQueue = "old-queue";

        var checks = await RunAsync(github, github.Server.Token, env: env);

        var destinations = Assert.Single(checks, c => c.Name == "lambda destinations");
        Assert.Equal(DoctorStatus.Fail, destinations.Status);
        Assert.Contains("never be recorded", destinations.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_AwsWithoutTheResultsQueueVariable_FailsNamingTheOutput()
    {
        await using var github = await GitHubScenario.StartAsync();
        await using var aws = await FakeAwsServer.StartAsync();
        var env = AwsEnvironment(aws);
        env.Remove(ResultsQueue.Variable);

        var checks = await RunAsync(github, github.Server.Token, env: env);

        var queue = Assert.Single(checks, c => c.Name == "results queue");
        Assert.Equal(DoctorStatus.Fail, queue.Status);
        Assert.Contains("ResultsQueueUrl", queue.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_ModelInPolicyButNoSecretForTheStack_WarnsWithTheSecretAndTheDeployOption()
    {
        await using var github = await GitHubScenario.StartAsync();
        await using var aws = await FakeAwsServer.StartAsync();
        var calls = aws.Calls.Count;

        var checks = await RunAsync(github, github.Server.Token, env: AwsEnvironment(aws), policies: WithModel);

        var model = Assert.Single(checks, c => c.Name == "language model");
        Assert.Equal(DoctorStatus.Warn, model.Status);
        Assert.Contains("gpt-4o-mini", model.Detail, StringComparison.Ordinal);
        Assert.Contains("aws secretsmanager create-secret", model.Fix, StringComparison.Ordinal);
        Assert.Contains("--model-key-secret", model.Fix, StringComparison.Ordinal);
        Assert.Contains("BUSINESSOPS_AGENT_MODEL_SECRET_ARN", model.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain(aws.Calls.Skip(calls), c => c.Operation == "GetSecretValue");
    }

    [Fact]
    public async Task Doctor_ModelInPolicyAndTheStacksSecretRecorded_Ok()
    {
        await using var github = await GitHubScenario.StartAsync();
        await using var aws = await FakeAwsServer.StartAsync();
        var env = AwsEnvironment(aws);
        env["BUSINESSOPS_AGENT_MODEL_SECRET_ARN"] = "arn:aws:secretsmanager:us-east-1:123456789012:secret:businessops/openai-api-key-AbCdEf";

        var checks = await RunAsync(github, github.Server.Token, env: env, policies: WithModel);

        var model = Assert.Single(checks, c => c.Name == "language model");
        Assert.Equal(DoctorStatus.Ok, model.Status);
        Assert.Contains("businessops/openai-api-key", model.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_ModelInPolicyLocallyWithoutTheKey_WarnsNamingOnlyWhatIsMissing()
    {
        await using var github = await GitHubScenario.StartAsync();
        var env = new Dictionary<string, string?> { ["OPENAI_BASE_URL"] = "https://api.openai.com/v1" };

        var checks = await RunAsync(github, github.Server.Token, env: env, policies: WithModel);

        var model = Assert.Single(checks, c => c.Name == "language model");
        Assert.Equal(DoctorStatus.Warn, model.Status);
        Assert.Contains("OPENAI_API_KEY is not set", model.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("OPENAI_BASE_URL", model.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_NoModelInPolicy_NoLanguageModelLine()
    {
        await using var github = await GitHubScenario.StartAsync();

        var checks = await RunAsync(github, github.Server.Token, env: new Dictionary<string, string?> { ["OPENAI_API_KEY"] = "sk-x" });

        Assert.DoesNotContain(checks, c => c.Name == "language model");
    }

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private static PolicySet WithModel { get; } = PolicySet.Default with
    {
        Agents = AgentPolicyBook.Default with { LanguageModel = new LanguageModelPolicy { Model = "gpt-4o-mini" } },
    };

    private static Dictionary<string, string?> AwsEnvironment(FakeAwsServer aws)
    {
        var env = aws.Environment();
        env["BUSINESSOPS_EXECUTOR"] = "aws";
        env[ResultsQueue.Variable] = aws.CreateQueue("businessops-results").ToString();
        aws.DestinationQueue = "businessops-results";
        return env;
    }

    private static async Task SyncLabelsAsync(GitHubScenario github)
    {
        using var store = new GitHubIssueStore(github.Options(), github.Clock);
        var catalogue = LabelCatalogue.For(PolicySet.Default, FormLabels.Read(Path.Combine(NpmTools.RepositoryRoot(), FormLabels.DefaultDirectory), []));
        await LabelSync.RunAsync(store, catalogue, dryRun: false, TextWriter.Null, CancellationToken.None);
    }

    private void Init(InstallOptions options) =>
        Installer.ApplyAsync(_root, Installer.Plan(_root, InstallFiles.For(options), force: false), dryRun: false, TextWriter.Null, CancellationToken.None).GetAwaiter().GetResult();

    private async Task<IReadOnlyList<DoctorCheck>> RunAsync(GitHubScenario github, string token, string? identity = "", string? release = null, Dictionary<string, string?>? env = null, PolicySet? policies = null)
    {
        // The forms the labels must cover are the repository's own (init copies them; here they are read in place).
        if (!Directory.Exists(Path.Combine(_root, FormLabels.DefaultDirectory)))
        {
            Directory.CreateDirectory(Path.Combine(_root, ".github"));
            CopyForms(Path.Combine(NpmTools.RepositoryRoot(), FormLabels.DefaultDirectory), Path.Combine(_root, FormLabels.DefaultDirectory));
        }

        var options = github.Options() with { Token = token, Identity = identity == string.Empty ? github.Server.Login : identity };
        var context = new DoctorContext(() => new GitHubIssueStore(options, github.Clock), policies ?? PolicySet.Default, _root, env ?? [], _http, github.Clock, release);
        return await Doctor.RunAsync(context, CancellationToken.None);
    }

    private static void CopyForms(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
