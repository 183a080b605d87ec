using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using BusinessOps.Infra.Tests.Support;
using Xunit;

namespace BusinessOps.Infra.Tests.Image;

/// <summary>
/// infra/agent-entrypoint.sh with a set of issues (BUSINESSOPS_SET_DATA), run by /bin/sh with a stand-in agent that
/// records its arguments, environment and standard input: each issue runs once with its own key, in order, and one
/// issue's failure neither stops the rest nor hides itself in the exit code.
/// </summary>
public sealed class EntrypointSetTests : IDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "businessops-entrypoint-" + Guid.NewGuid().ToString("N"));

    public EntrypointSetTests()
    {
        Directory.CreateDirectory(Path.Combine(_home, "bin"));
        var agent = Path.Combine(_home, "bin", "ai-support-agent");

        // Exits 1 (a transient failure) for issue 12, 2 (bad input) for issue 13, 0 otherwise.
        File.WriteAllText(agent, """
            #!/bin/sh
            {
              printf 'args:%s\n' "$*"
              printf 'env:%s %s %s\n' "$BUSINESSOPS_KEY" "$BUSINESSOPS_ISSUE" "$BUSINESSOPS_PHASE"
              printf 'stdin:%s\n' "$(cat)"
              printf 'set-data-visible:%s\n' "${BUSINESSOPS_SET_DATA:+yes}"
            } >>"$BUSINESSOPS_HOME/runs.log"
            case "$BUSINESSOPS_ISSUE" in 12) exit 1 ;; 13) exit 2 ;; esac
            exit 0
            """.Replace("\r", string.Empty, StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(agent, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task Set_ThreeIssues_EachRunsWithItsOwnKeyAndIssueOneFailureFailsTheJobAfterAllRan()
    {
        var lines = new[]
        {
            "11\tacme/shop#11/a1/plan\tplan\t{\"number\":11,\"title\":\"tab\\tand \\\"quotes\\\"\"}",
            "12\tacme/shop#12/a2/plan\tplan\t{\"number\":12}",
            "13\tacme/shop#13/a1/execute\texecute\t{\"number\":13}",
        };

        var (code, stderr) = await RunAsync(Encode(lines));
        var log = await File.ReadAllLinesAsync(Path.Combine(_home, "runs.log"));

        Assert.Equal(1, code);
        Assert.Equal(
            [
                "args:--process-issue 11 --issue-data - --context - --key acme/shop#11/a1/plan --phase plan",
                "env:acme/shop#11/a1/plan 11 plan",
                "stdin:{\"number\":11,\"title\":\"tab\\tand \\\"quotes\\\"\"}",
                "set-data-visible:",
                "args:--process-issue 12 --issue-data - --context - --key acme/shop#12/a2/plan --phase plan",
                "env:acme/shop#12/a2/plan 12 plan",
                "stdin:{\"number\":12}",
                "set-data-visible:",
                "args:--process-issue 13 --issue-data - --context - --key acme/shop#13/a1/execute --phase execute",
                "env:acme/shop#13/a1/execute 13 execute",
                "stdin:{\"number\":13}",
                "set-data-visible:",
            ],
            log);
        Assert.Contains("issue 12 (acme/shop#12/a2/plan) exited 1", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_EveryRunEndsWithAResult_JobSucceeds()
    {
        var (code, _) = await RunAsync(Encode(["11\tacme/shop#11/a1/plan\tplan\t{}", "13\tacme/shop#13/a1/plan\tplan\t{}"]));

        Assert.Equal(0, code);
    }

    [Fact]
    public async Task Set_NotGzipBase64_BadInputAndNoAgentRuns()
    {
        var (code, stderr) = await RunAsync("not base64 at all!");

        Assert.Equal(2, code);
        Assert.Contains("BUSINESSOPS_SET_DATA is not gzip+base64", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_home, "runs.log")));
    }

    private async Task<(int Code, string Stderr)> RunAsync(string setData)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(RepositoryFiles.PathOf("infra/agent-entrypoint.sh"));
        start.ArgumentList.Add("ai-support-agent");
        start.Environment["BUSINESSOPS_HOME"] = _home;
        start.Environment["BUSINESSOPS_SET_DATA"] = setData;
        start.Environment["BUSINESSOPS_ISSUE_TIMEOUT_SECONDS"] = "60";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stderr);
    }

    private static string Encode(IEnumerable<string> lines)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n"))));
        }

        return Convert.ToBase64String(buffer.ToArray());
    }
}
