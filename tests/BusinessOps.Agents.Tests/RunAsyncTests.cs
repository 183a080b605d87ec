using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Samples;
using BusinessOps.Core;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Ports;
using BusinessOps.Core.State;
using BusinessOps.TestKit;
using Xunit;

namespace BusinessOps.Agents.Tests;

/// <summary>In-process RunAsync: swaps Console.Out and the static store factory, so it never runs in parallel.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class RunAsyncTests
{
    [Fact]
    public async Task RunAsync_StoreArgument_WritesBackThroughFactory()
    {
        var store = new InMemoryIssueStore(new FakeClock());
        var body = FormBody.Of(("Customer", "Acme"), ("Active usage", "100"), ("Feature adoption", "100"), ("Login frequency", "100"), ("Support health", "100"),
            ("Training completion", "100"), ("Survey score", "100"), ("Payment health", "100"), ("Contract growth", "100"));
        await store.CreateIssueAsync(new NewIssue("Health", body, ["success/user-research", "status/in-progress"]), CancellationToken.None);
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { ["number"] = 1, ["title"] = "Health", ["body"] = body }));
        var previousFactory = StoreResolver.StoreFactory;
        var previousOut = Console.Out;
        using var stdout = new StringWriter();
        try
        {
            StoreResolver.StoreFactory = location => location == "memory-store" ? store : null;
            Console.SetOut(stdout);

            var exit = await AgentHost.RunAsync(AgentNames.CustomerSuccess, ["--process-issue", "1", "--issue-data", file, "--store", "memory-store", "--key", "acme/ops#1/a3/execute"], CancellationToken.None);

            Assert.Equal(ExitCodes.Ok, exit);
        }
        finally
        {
            Console.SetOut(previousOut);
            StoreResolver.StoreFactory = previousFactory;
            File.Delete(file);
        }

        var issue = (await store.GetIssueAsync(1, CancellationToken.None))!;
        Assert.Equal(["success/user-research", "status/done"], issue.Labels);
        Assert.True(Markers.TryParseResult(issue.Comments.Single().Body, out var record));
        Assert.Equal("acme/ops#1/a3/execute", record!.Key);
        Assert.Contains("\"summary\": \"Applied: Acme: health score 100.0/100", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Help_UsageOnStdoutExitZero()
    {
        var previousOut = Console.Out;
        using var stdout = new StringWriter();
        try
        {
            Console.SetOut(stdout);

            var exit = await AgentHost.RunAsync(AgentNames.Sales, ["--help"], CancellationToken.None);

            Assert.Equal(ExitCodes.Ok, exit);
        }
        finally
        {
            Console.SetOut(previousOut);
        }

        Assert.StartsWith("usage: ai-sales-agent --process-issue N", stdout.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--phase later --demo")]
    [InlineData("--key nonsense --demo")]
    [InlineData("--process-issue 3")]
    [InlineData("--bogus")]
    [InlineData("--issue-data")]
    public async Task RunAsync_BadArguments_ExitTwo(string commandLine)
    {
        var args = commandLine.Split(' ');
        var previousError = Console.Error;
        using var stderr = new StringWriter();
        try
        {
            Console.SetError(stderr);

            Assert.Equal(ExitCodes.BadInput, await AgentHost.RunAsync(AgentNames.Sales, args, CancellationToken.None));
        }
        finally
        {
            Console.SetError(previousError);
        }

        Assert.StartsWith("error: ", stderr.ToString(), StringComparison.Ordinal);
    }
}
