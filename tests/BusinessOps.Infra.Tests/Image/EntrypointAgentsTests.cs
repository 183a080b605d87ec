using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using BusinessOps.Infra.Tests.Support;
using Xunit;

namespace BusinessOps.Infra.Tests.Image;

/// <summary>
/// infra/agent-entrypoint.sh in the Native AOT image: one executable, ai-agents, and the list of agents it serves. A
/// stand-in ai-agents records its arguments and standard input: <c>ai-&lt;name&gt;-agent ARGS</c> runs as
/// <c>ai-agents ai-&lt;name&gt;-agent ARGS</c>, with the issue's envelope on stdin; a name not in the list runs nothing.
/// </summary>
public sealed class EntrypointAgentsTests : IDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "businessops-entrypoint-aot-" + Guid.NewGuid().ToString("N"));

    public EntrypointAgentsTests()
    {
        Directory.CreateDirectory(Path.Combine(_home, "bin"));
        File.WriteAllText(Path.Combine(_home, "agents"), "ai-qa-agent\nai-support-agent\n");
        var agents = Path.Combine(_home, "bin", "ai-agents");
        File.WriteAllText(agents, """
            #!/bin/sh
            { printf 'args:%s\n' "$*"; printf 'stdin:%s\n' "$(cat)"; } >>"$BUSINESSOPS_HOME/runs.log"
            """.Replace("\r", string.Empty, StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(agents, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task ListedAgent_RunsAsAiAgentsWithItsNameFirstAndTheEnvelopeOnStdin()
    {
        const string Envelope = "{\"issue\":{\"number\":7},\"context\":{\"client\":{\"id\":\"acme\"}}}";

        var (code, stderr) = await RunAsync(["ai-support-agent", "--process-issue", "7", "--issue-data", "-", "--context", "-"], Gzip(Envelope));

        Assert.True(code == 0, stderr);
        Assert.Equal(
            ["args:ai-support-agent --process-issue 7 --issue-data - --context -", "stdin:" + Envelope],
            await File.ReadAllLinesAsync(Path.Combine(_home, "runs.log")));
    }

    [Fact]
    public async Task AiAgents_AsTheLambdaCommand_RunsItself()
    {
        var (code, stderr) = await RunAsync(["ai-agents"], null);

        Assert.True(code == 0, stderr);
        Assert.Equal(["args:", "stdin:"], await File.ReadAllLinesAsync(Path.Combine(_home, "runs.log")));
    }

    [Fact]
    public async Task UnlistedAgent_RefusedAndNothingRuns()
    {
        var (code, stderr) = await RunAsync(["ai-payroll-agent", "--demo"], null);

        Assert.Equal(2, code);
        Assert.Contains("unknown agent 'ai-payroll-agent'", stderr, StringComparison.Ordinal);
        Assert.Contains("ai-support-agent", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_home, "runs.log")));
    }

    private async Task<(int Code, string Stderr)> RunAsync(string[] args, string? issueData)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(RepositoryFiles.PathOf("infra/agent-entrypoint.sh"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["BUSINESSOPS_HOME"] = _home;
        if (issueData is not null)
        {
            start.Environment["BUSINESSOPS_ISSUE_DATA"] = issueData;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stderr);
    }

    private static string Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return Convert.ToBase64String(buffer.ToArray());
    }
}
