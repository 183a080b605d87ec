using BusinessOps.Agents.Samples;
using BusinessOps.Core;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;
using Xunit;

namespace BusinessOps.Agents.Tests;

public sealed class OperationsAgentTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    private static readonly DispatchContext Loopback = new() { Policies = new AgentPolicies { Network = NetworkPolicy.PublicOnly with { AllowLoopback = true } } };

    [Fact]
    public async Task RunAsync_OkFailHang_StatusesAndTimeout()
    {
        var body = FormBody.Of(
            ("Endpoints", $"{server.BaseUrl}/ok\n{server.BaseUrl}/fail\n{server.BaseUrl}/hang"),
            ("Timeout (ms)", "2000"),
            ("Latency budget (ms)", "60000"));

        var run = await Agents.RunAsync(AgentNames.Operations, body, context: Loopback);
        var checks = run.Out("checks").AsArray();

        Assert.Equal(AgentOutcome.Completed, run.Result.Outcome);
        Assert.Equal(["up", "down", "down"], checks.Select(c => c!["state"]!.GetValue<string>()));
        Assert.Equal(200, checks[0]!["status"]!.GetValue<int>());
        Assert.Equal(500, checks[1]!["status"]!.GetValue<int>());
        Assert.Null(checks[2]!["status"]);
        Assert.Equal("timed out after 2000 ms", checks[2]!["error"]!.GetValue<string>());
        Assert.InRange(checks[2]!["latencyMs"]!.GetValue<long>(), 1_900, 30_000);
        Assert.Equal((1, 2), (run.Num("up"), run.Num("down")));
        // $0.002 base + $0.0005 for the first KiB of body + 3 checks × $0.0001.
        Assert.Equal(0.0028m, run.Result.CostUsd);
    }

    [Fact]
    public async Task RunAsync_ClosedPort_DownFindingNotCrash()
    {
        var run = await Agents.RunAsync(AgentNames.Operations, FormBody.Of(("Endpoints", SampleIssues.ClosedPortUrl), ("Timeout (ms)", "2000")), context: Loopback);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(1, run.Num("down"));
        Assert.StartsWith("unreachable", run.Out("checks")[0]!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(Impact.Medium, run.Result.Classification!.Impact);
    }

    [Fact]
    public async Task RunAsync_LatencyBudgetExceeded_Slow()
    {
        var run = await Agents.RunAsync(AgentNames.Operations, FormBody.Of(("Endpoints", server.BaseUrl + "/ok"), ("Latency budget (ms)", "1")), context: Loopback);
        var state = run.Out("checks")[0]!["state"]!.GetValue<string>();

        // A loopback answer can take under 1 ms; either way it is reachable and 2xx.
        Assert.Contains(state, new[] { "up", "slow" });
        Assert.Equal(0, run.Num("down"));
    }

    [Theory]
    [InlineData("ftp://example.com/file")]
    [InlineData("file:///etc/passwd")]
    [InlineData("not a url")]
    [InlineData("http://user:pw@127.0.0.1/")]
    public async Task RunAsync_NonHttpEndpoint_BadInput(string endpoint)
    {
        var run = await Agents.RunAsync(AgentNames.Operations, FormBody.Of(("Endpoints", endpoint)));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("Field `Endpoints` is invalid", run.Result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TwentyOneEndpoints_BadInput()
    {
        var urls = string.Join('\n', Enumerable.Range(0, 21).Select(i => $"http://127.0.0.1:9/{i}"));

        var run = await Agents.RunAsync(AgentNames.Operations, FormBody.Of(("Endpoints", urls)));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/iam/security-credentials/", "169.254.169.254 is a link-local address (the cloud metadata range)")]
    [InlineData("http://10.0.0.5/health", "10.0.0.5 is a private address")]
    [InlineData("http://[::1]/health", "::1 is a loopback address")]
    [InlineData("http://[::ffff:127.0.0.1]/health", "is a loopback address")]
    [InlineData("http://0.0.0.0:80/", "0.0.0.0 is not a usable destination")]
    public async Task RunAsync_NonPublicAddressWithoutPolicy_RefusedAndSaysHowToAllow(string url, string expected)
    {
        var run = await Agents.RunAsync(AgentNames.Operations, FormBody.Of(("Endpoints", url), ("Timeout (ms)", "2000")));

        var check = run.Out("checks")[0]!;
        Assert.Equal("down", check["state"]!.GetValue<string>());
        Assert.StartsWith("refused: ", check["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(expected, check["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LoopbackServerWithoutPolicy_NeverReached()
    {
        var before = server.Requests;

        var run = await Agents.RunAsync(AgentNames.Operations, FormBody.Of(("Endpoints", server.BaseUrl + "/ok")));

        Assert.Contains("allow it with `network: allow: [loopback]`", run.Out("checks")[0]!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, server.Requests);
    }

    [Fact]
    public async Task RunAsync_NameResolvingToLoopback_RefusedAfterResolution()
    {
        var port = new Uri(server.BaseUrl).Port;
        var before = server.Requests;

        var run = await Agents.RunAsync(AgentNames.Operations, FormBody.Of(("Endpoints", $"http://localhost:{port}/ok")));

        var error = run.Out("checks")[0]!["error"]!.GetValue<string>();
        Assert.StartsWith("refused: localhost (", error, StringComparison.Ordinal);
        Assert.Contains("is a loopback address", error, StringComparison.Ordinal);
        Assert.Equal(before, server.Requests);
    }

    [Fact]
    public async Task RunAsync_LoopbackAllowedPrivateNot_OnlyLoopbackReached()
    {
        // The widest latency budget: this test is about which addresses are reached, not how fast a loaded machine answers.
        var run = await Agents.RunAsync(AgentNames.Operations, FormBody.Of(("Endpoints", $"{server.BaseUrl}/ok\nhttp://192.168.1.1/\nhttp://169.254.169.254/"), ("Latency budget (ms)", "60000")), context: Loopback);

        Assert.Equal(["up", "down", "down"], run.Out("checks").AsArray().Select(c => c!["state"]!.GetValue<string>()));
        Assert.StartsWith("refused: 192.168.1.1 is a private address", run.Out("checks")[1]!["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
