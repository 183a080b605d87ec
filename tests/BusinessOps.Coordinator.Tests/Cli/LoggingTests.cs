using System.Text.Json;
using BusinessOps.Core;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Cli;

/// <summary>Issue 8 item 7: the coordinator logs through Serilog — text or JSON lines, facts as properties, every event masked.</summary>
public sealed class LoggingTests : IDisposable
{
    private readonly InProcessCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Run_LogFormatJson_OneJsonEventPerLineWithIssueProperty()
    {
        await _cli.RunAsync("issues", "file", "--title", "nobody routes this", "--store", _cli.StorePath);

        var run = await _cli.RunAsync("run", "--once", "--store", _cli.StorePath, "--log-format", "json", "--verbose");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var events = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.True(e.TryGetProperty("@m", out _)));
        Assert.Contains(events, e => e.TryGetProperty("Issue", out var issue) && issue.GetInt32() == 1);
    }

    [Fact]
    public async Task Run_InCi_DefaultsToJson()
    {
        _cli.Environment["GITHUB_ACTIONS"] = "true";
        await _cli.RunAsync("issues", "file", "--title", "t", "--store", _cli.StorePath);

        var run = await _cli.RunAsync("run", "--once", "--store", _cli.StorePath);

        Assert.All(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("{\"@t\":", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_SecretInEnvironmentAppearsInALogLine_Masked()
    {
        // The store's folder name carries the secret, and the pass summary names the store: the line must not.
        var secret = "s3cr3t-" + Guid.NewGuid().ToString("N");
        _cli.Environment["BUSINESSOPS_WEBHOOK_SECRET"] = secret;
        var store = Path.Combine(_cli.Root, secret, "ops.db");
        await _cli.RunAsync("issues", "file", "--title", "t", "--store", store);

        var text = await _cli.RunAsync("run", "--once", "--store", store, "--log-format", "text");
        var json = await _cli.RunAsync("run", "--once", "--store", store, "--log-format", "json");

        Assert.Contains("pass done", text.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, text.Error + json.Error, StringComparison.Ordinal);
        Assert.Contains("***", json.Error, StringComparison.Ordinal);
    }
}
