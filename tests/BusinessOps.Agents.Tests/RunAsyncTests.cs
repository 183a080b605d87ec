using BusinessOps.Agents.CustomerSuccess;
using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Quality;
using BusinessOps.Agents.Sales;
using BusinessOps.Agents.Samples;
using BusinessOps.Core;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Ports;
using BusinessOps.Core.State;
using BusinessOps.LocalStore;
using Xunit;

namespace BusinessOps.Agents.Tests;

/// <summary>In-process RunAsync: swaps Console.Out/Error, so it never runs in parallel with other console tests.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class RunAsyncTests : IDisposable
{
    private static readonly string HealthyCustomer = FormBody.Of(("Customer", "Acme"), ("Active usage", "100"), ("Feature adoption", "100"), ("Login frequency", "100"), ("Support health", "100"),
        ("Training completion", "100"), ("Survey score", "100"), ("Payment health", "100"), ("Contract growth", "100"));

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("bops-run-");

    public void Dispose() => _dir.Delete(recursive: true);

    private async Task<string> StoreWithIssueAsync(string body, params string[] labels)
    {
        var path = Path.Combine(_dir.FullName, "ops.db");
        using var filer = SqliteIssueStore.Open(path, "dana", TimeProvider.System);
        await filer.CreateIssueAsync(new NewIssue("Health", body, labels), CancellationToken.None);
        return path;
    }

    private static Task<(int Exit, string Stdout, string Stderr)> RunAsync(Sdk.IAgent agent, params string[] args) => RunManyAsync([agent], args);

    [Fact]
    public async Task RunAsync_StoreWithWriteBack_OneResultCommentPerKeyLabelsLeftToTheCoordinator()
    {
        var path = await StoreWithIssueAsync(HealthyCustomer, "success/user-research", "status/in-progress");
        string[] args = ["--process-issue", "1", "--store", path, "--write-back", "--key", "acme/ops#1/a3/execute"];

        var first = await RunAsync(new CustomerSuccessAgent(), args);
        var second = await RunAsync(new CustomerSuccessAgent(), args);

        Assert.Equal((ExitCodes.Ok, ExitCodes.Ok), (first.Exit, second.Exit));
        using var reader = SqliteIssueStore.Open(path, "dana", TimeProvider.System);
        var issue = (await reader.GetIssueAsync(1, CancellationToken.None))!;
        var comment = Assert.Single(issue.Comments);
        Assert.Equal(BotIdentity.Login, comment.Author);
        Assert.True(Markers.TryParseResult(comment.Body, out var record));
        Assert.Equal("acme/ops#1/a3/execute", record!.Key);
        Assert.StartsWith("### ai-customer-success-agent · completed", comment.Body, StringComparison.Ordinal);
        Assert.Equal(["success/user-research", "status/in-progress"], issue.Labels);
        Assert.Contains("\"summary\": \"Acme: health score 100.0/100", first.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Applied:", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("already recorded; nothing written", second.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_StoreWithoutWriteBack_ReadsTheIssueWritesNothing()
    {
        var path = await StoreWithIssueAsync(HealthyCustomer, "success/user-research");

        var (exit, stdout, _) = await RunAsync(new CustomerSuccessAgent(), "--process-issue", "1", "--store", path);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("health score 100.0/100", stdout, StringComparison.Ordinal);
        using var reader = SqliteIssueStore.Open(path, "dana", TimeProvider.System);
        Assert.Empty((await reader.GetIssueAsync(1, CancellationToken.None))!.Comments);
    }

    [Fact]
    public async Task RunAsync_StoreThatDoesNotExist_BadInputAndNoFileCreated()
    {
        var path = Path.Combine(_dir.FullName, "missing.db");

        var (exit, stdout, _) = await RunAsync(new CustomerSuccessAgent(), "--process-issue", "1", "--store", path);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"Store '{path}' does not exist", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task RunAsync_ContextFile_PoliciesApplied()
    {
        var issue = Path.Combine(_dir.FullName, "issue.json");
        var context = Path.Combine(_dir.FullName, "context.json");
        var body = FormBody.Of(("Test results", "<testsuite><testcase name=\"a\"/></testsuite>"), ("Coverage", "<coverage line-rate=\"0.85\"/>"));
        await File.WriteAllTextAsync(issue, System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { ["number"] = 3, ["title"] = "QA", ["body"] = body }));
        await File.WriteAllTextAsync(context, """{"policies":{"qualityGates":{"minLineCoverage":0.9,"minPassRate":0.95}},"client":{"id":"acme"}}""");

        var (exit, stdout, _) = await RunAsync(new QaAgent(), "--process-issue", "3", "--issue-data", issue, "--context", context);

        // 85 % coverage fails the 90 % gate of the context: a failed gate is a failed run (exit 1), not bad input.
        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("\"coverageGate\": 0.9", stdout, StringComparison.Ordinal);
        Assert.Contains("\"gatesPassed\": false", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ContextNotAContext_BadInputNamesIt()
    {
        var issue = Path.Combine(_dir.FullName, "issue.json");
        var context = Path.Combine(_dir.FullName, "context.json");
        await File.WriteAllTextAsync(issue, """{"number":3,"body":"x"}""");
        await File.WriteAllTextAsync(context, """{"policies": 42}""");

        var (exit, stdout, _) = await RunAsync(new QaAgent(), "--process-issue", "3", "--issue-data", issue, "--context", context);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("Context is not a valid context document", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ManyAgents_FirstArgumentNamesTheOne()
    {
        var (exit, stdout, _) = await RunManyAsync(Agents.All, AgentNames.Security, "--demo");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("\"agent\": \"ai-security-agent\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Help_UsageOnStdoutExitZero()
    {
        var (exit, stdout, _) = await RunAsync(new SalesAgent(), "--help");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.StartsWith("usage: ai-sales-agent --process-issue N", stdout, StringComparison.Ordinal);
        Assert.Contains("--context FILE|-", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--phase later --demo")]
    [InlineData("--key nonsense --demo")]
    [InlineData("--process-issue 3")]
    [InlineData("--bogus")]
    [InlineData("--issue-data")]
    [InlineData("--process-issue 3 --issue-data - --write-back")]
    public async Task RunAsync_BadArguments_ExitTwo(string commandLine)
    {
        var (exit, _, stderr) = await RunAsync(new SalesAgent(), commandLine.Split(' '));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunManyAsync(IReadOnlyList<Sdk.IAgent> agents, params string[] args)
    {
        var (previousOut, previousError) = (Console.Out, Console.Error);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        try
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            var exit = await AgentHost.RunAsync(agents, args, CancellationToken.None);
            return (exit, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
        }
    }
}
