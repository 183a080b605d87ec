using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using BusinessOps.Agents.Samples;
using BusinessOps.Core;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;
using Xunit;

namespace BusinessOps.Agents.Tests;

/// <summary>Runs the real ai-security-agent executable as a child process, the way the local executor does.</summary>
public sealed class AgentProcessTests
{
    private static readonly string Dll = typeof(AgentProcessTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SecurityAgentDll").Value!;

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string? stdin, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment.Remove("BUSINESSOPS_STORE");
        using var process = Process.Start(psi)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string IssueJson(int number, string body) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["number"] = number,
        ["title"] = "Scan config",
        ["body"] = body,
        ["state"] = "open",
        ["labels"] = new[] { new Dictionary<string, string> { ["name"] = "security/compliance" } },
        ["user"] = new Dictionary<string, string> { ["login"] = "alice" },
        ["created_at"] = "2026-11-02T09:00:00Z",
        ["updated_at"] = "2026-11-02T09:00:00Z",
    });

    [Fact]
    public async Task Executable_IssueOnStdin_PrintsOneResultExitZero()
    {
        var token = "gh" + "p_" + "0123456789abcdefghijABCDEFGHIJ012345";
        var (exit, stdout, stderr) = await RunAsync(IssueJson(9, FormBody.Of(("Content", "token=" + token))), "--process-issue", "9", "--issue-data", "-", "--key", "acme/ops#9/a2/plan");

        Assert.Equal(ExitCodes.Ok, exit);
        var result = JsonSerializer.Deserialize(stdout, CoreJson.Default.AgentResult)!;
        Assert.Equal(("ai-security-agent", 9, "acme/ops#9/a2/plan", AgentOutcome.Completed), (result.Agent, result.Issue, result.Key, result.Outcome));
        Assert.Equal(1, result.Outputs["findingCount"]!.GetValue<int>());
        Assert.DoesNotContain(token, stdout + stderr, StringComparison.Ordinal);
        Assert.Contains("\"outcome\": \"completed\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Executable_MissingField_ExitTwoWithFailedResult()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, IssueJson(4, "### Something else\n\nx"));

            var (exit, stdout, _) = await RunAsync(null, "--process-issue", "4", "--issue-data", file);

            Assert.Equal(ExitCodes.BadInput, exit);
            var result = JsonSerializer.Deserialize(stdout, CoreJson.Default.AgentResult)!;
            Assert.Equal(AgentOutcome.Failed, result.Outcome);
            Assert.True(result.Permanent);
            Assert.StartsWith("Field `Content` is required", result.Summary, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Executable_InvalidJson_ExitTwo()
    {
        var (exit, stdout, _) = await RunAsync("{ nope", "--process-issue", "4", "--issue-data", "-");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("not valid JSON", JsonSerializer.Deserialize(stdout, CoreJson.Default.AgentResult)!.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Executable_BadArguments_UsageOnStderrExitTwo()
    {
        var (exit, stdout, stderr) = await RunAsync(null, "--process-issue", "x");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Empty(stdout);
        Assert.StartsWith("error: --process-issue needs a positive issue number", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Executable_Demo_ExitZeroWithRedactedFindings()
    {
        var (exit, stdout, _) = await RunAsync(null, "--demo");

        Assert.Equal(ExitCodes.Ok, exit);
        var result = JsonSerializer.Deserialize(stdout, CoreJson.Default.AgentResult)!;
        Assert.Equal(2, result.Outputs["findingCount"]!.GetValue<int>());
        Assert.Contains("AKIA****", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Executable_EnvelopeOnStdin_IssueAndContextRead()
    {
        var envelope = "{\"issue\": " + IssueJson(9, FormBody.Of(("Content", "nothing secret"))) + ", \"context\": {\"client\": {\"id\": \"acme\"}}}";

        var (exit, stdout, stderr) = await RunAsync(envelope, "--process-issue", "9", "--issue-data", "-", "--context", "-", "--key", "acme/ops#9/a1/plan");

        Assert.True(exit == ExitCodes.Ok, stderr);
        Assert.Equal(100, JsonDocument.Parse(stdout).RootElement.GetProperty("outputs").GetProperty("score").GetInt32());
    }

    [Fact]
    public async Task Executable_EnvelopeWithoutIssue_ExitTwoSaysTheShape()
    {
        var (exit, stdout, _) = await RunAsync("{\"context\": {}}", "--process-issue", "9", "--issue-data", "-", "--context", "-");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("The input envelope must be {\"issue\"", JsonSerializer.Deserialize(stdout, CoreJson.Default.AgentResult)!.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_StoreWriteBack_ReadsTheIssueAndPostsOneResultCommentAsTheBot()
    {
        var dir = Directory.CreateTempSubdirectory("bops-agent-").FullName;
        var path = Path.Combine(dir, "ops.db");
        using (var filer = LocalStore.SqliteIssueStore.Open(path, "dana", TimeProvider.System))
        {
            await filer.CreateIssueAsync(new Core.Ports.NewIssue("Scan", "### Content\n\nghp_abcdefghijklmnopqrstuvwxyz0123456789", ["security/compliance"]), CancellationToken.None);
        }

        var (exit, stdout, stderr) = await RunAsync(null, "--process-issue", "1", "--store", path, "--write-back", "--key", "local/ops#1/a1/plan");

        Assert.True(exit == 0, stderr);
        Assert.Equal("completed", JsonDocument.Parse(stdout).RootElement.GetProperty("outcome").GetString());
        using var reader = LocalStore.SqliteIssueStore.Open(path, "dana", TimeProvider.System);
        var issue = await reader.GetIssueAsync(1, CancellationToken.None);
        Assert.Single(issue!.Comments, c => Core.State.Markers.Has(c.Body, Core.State.Markers.ResultKind) && c.Author == reader.Identity);
        Assert.Equal(["security/compliance"], issue.Labels);
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task Process_StoreWithoutTheIssue_BadInputExit2()
    {
        var dir = Directory.CreateTempSubdirectory("bops-agent-").FullName;
        var path = Path.Combine(dir, "ops.db");
        LocalStore.SqliteIssueStore.Open(path, "dana", TimeProvider.System).Dispose();

        var (exit, stdout, _) = await RunAsync(null, "--process-issue", "42", "--store", path);

        Assert.Equal(2, exit);
        Assert.Contains("Issue #42 does not exist", stdout, StringComparison.Ordinal);
        Directory.Delete(dir, recursive: true);
    }
}
