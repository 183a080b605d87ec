using System.Net;
using System.Net.Sockets;
using BusinessOps.Coordinator.Install;
using BusinessOps.Core.Policies;
using BusinessOps.TestKit;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Install;

/// <summary>
/// <c>coordinator doctor</c>'s connector lines against real sockets on loopback: a listening port is reachable, a closed
/// one is not; missing variables are named; no secret's value is ever printed.
/// </summary>
public sealed class ConnectorChecksTests : IDisposable
{
    private const string WebhookSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string SmtpPassword = "hunter2-smtp-password";

    private readonly TcpListener _listening = new(IPAddress.Loopback, 0);
    private readonly HttpClient _http = new();
    private readonly FakeTimeProvider _clock = new(Some.Epoch);

    public ConnectorChecksTests()
    {
        _listening.Start();
    }

    private int OpenPort => ((IPEndPoint)_listening.LocalEndpoint).Port;

    [Fact]
    public async Task Run_DefaultPolicy_GitHubOnAndTheRestOffAllOk()
    {
        var checks = await ConnectorChecks.RunAsync(ConnectorsPolicy.Default, new Dictionary<string, string?>(), _http, _clock, localExecutor: true, CancellationToken.None);

        Assert.Equal(
            ["connector github", "connector webhook", "connector email", "connector command", "connector target payables", "connector target deploy", "connector target scaling", "connector target email-service"],
            checks.Select(c => c.Name));
        Assert.All(checks, c => Assert.Equal(DoctorStatus.Ok, c.Status));
        Assert.Contains("off", Assert.Single(checks, c => c.Name == "connector webhook").Detail, StringComparison.Ordinal);
        Assert.Contains(
            "to let them run, add it to policies/connectors.yml under webhook.endpoints as 'scaling: {url: https://…, secretEnv: BUSINESSOPS_SCALING_WEBHOOK_SECRET}', set webhook.enabled: true",
            Assert.Single(checks, c => c.Name == "connector target scaling").Detail,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WebhooksOnWithoutTheDeployEndpoint_WarnsWithWhatToAdd()
    {
        var policy = ConnectorsPolicy.Default with { Webhook = ConnectorsPolicy.Default.Webhook with { Enabled = true, Endpoints = [] } };

        var checks = await ConnectorChecks.RunAsync(policy, new Dictionary<string, string?>(), _http, _clock, localExecutor: true, CancellationToken.None);

        var deploy = Assert.Single(checks, c => c.Name == "connector target deploy");
        Assert.Equal(DoctorStatus.Warn, deploy.Status);
        Assert.Contains("the devops agent's deploys and automatic rollbacks cannot run here", deploy.Detail, StringComparison.Ordinal);
        Assert.StartsWith("add it to policies/connectors.yml under webhook.endpoints as 'deploy: {url: https://…, secretEnv: BUSINESSOPS_DEPLOY_WEBHOOK_SECRET}', and put", deploy.Fix, StringComparison.Ordinal);
        Assert.Contains("command.commands as 'deploy: {program: ./scripts/deploy.sh}'", deploy.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_EveryConnectorEnabled_ReportsEachEndpointReachableConfiguredAndSecretsByNameOnly()
    {
        var env = new Dictionary<string, string?>
        {
            ["PAYABLES_SECRET"] = WebhookSecret,
            ["SCALING_SECRET"] = WebhookSecret,
            ["SMTP_USER"] = "ops",
            ["SMTP_PASSWORD"] = SmtpPassword,
            ["PATH"] = "/usr/bin:/bin",
        };

        var checks = await ConnectorChecks.RunAsync(Policy(), env, _http, _clock, localExecutor: true, CancellationToken.None);

        var payables = Assert.Single(checks, c => c.Name == "connector webhook payables");
        Assert.Equal(DoctorStatus.Ok, payables.Status);
        Assert.Contains("signing secret PAYABLES_SECRET set", payables.Detail, StringComparison.Ordinal);
        Assert.Contains("reachable", payables.Detail, StringComparison.Ordinal);

        var scaling = Assert.Single(checks, c => c.Name == "connector webhook scaling");
        Assert.Equal(DoctorStatus.Warn, scaling.Status);
        Assert.Contains("not reachable from here: the connection was refused", scaling.Detail, StringComparison.Ordinal);

        var chat = Assert.Single(checks, c => c.Name == "connector webhook team-chat");
        Assert.Equal(DoctorStatus.Fail, chat.Status);
        Assert.Contains("CHAT_URL (its URL) is not set", chat.Detail, StringComparison.Ordinal);

        var email = Assert.Single(checks, c => c.Name == "connector email");
        Assert.Equal(DoctorStatus.Ok, email.Status);
        Assert.Contains("login from SMTP_USER and SMTP_PASSWORD (set)", email.Detail, StringComparison.Ordinal);

        var deploy = Assert.Single(checks, c => c.Name == "connector command deploy");
        Assert.Equal(DoctorStatus.Warn, deploy.Status);
        Assert.Contains("not set: DEPLOY_TOKEN", deploy.Detail, StringComparison.Ordinal);
        Assert.Equal(DoctorStatus.Fail, Assert.Single(checks, c => c.Name == "connector command missing").Status);

        var printed = string.Join('\n', checks.Select(c => c.ToString()));
        Assert.DoesNotContain(WebhookSecret, printed, StringComparison.Ordinal);
        Assert.DoesNotContain(SmtpPassword, printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_EmailLoginVariableMissing_FailsNamingIt()
    {
        var env = new Dictionary<string, string?> { ["SMTP_USER"] = "ops" };

        var checks = await ConnectorChecks.RunAsync(Policy() with { Webhook = WebhookConnectorPolicy.Default, Command = CommandConnectorPolicy.Default }, env, _http, _clock, localExecutor: true, CancellationToken.None);

        var email = Assert.Single(checks, c => c.Name == "connector email");
        Assert.Equal(DoctorStatus.Fail, email.Status);
        Assert.Contains("SMTP_PASSWORD", email.Detail, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _listening.Dispose();
        _http.Dispose();
    }

    private ConnectorsPolicy Policy()
    {
        var closed = ClosedPort();
        WebhookEndpoint[] endpoints =
        [
            new("payables", new Uri($"http://127.0.0.1:{OpenPort}/hooks"), null, "PAYABLES_SECRET", WebhookFormat.Standard),
            new("scaling", new Uri($"http://127.0.0.1:{closed}/hooks"), null, "SCALING_SECRET", WebhookFormat.Standard),
            new("team-chat", null, "CHAT_URL", null, WebhookFormat.Slack),
        ];
        CommandDefinition[] commands =
        [
            new("deploy", "/bin/sh", ["-c", "true"], TimeSpan.FromMinutes(1), ["DEPLOY_TOKEN"]),
            new("missing", "./scripts/not-there.sh", [], TimeSpan.FromMinutes(1), []),
        ];
        return ConnectorsPolicy.Default with
        {
            Webhook = new WebhookConnectorPolicy(true, TimeSpan.FromSeconds(5), 0, TimeSpan.FromSeconds(1), endpoints),
            Email = new EmailConnectorPolicy(true, "127.0.0.1", OpenPort, SmtpSecurity.None, "ops@example.com", "SMTP_USER", "SMTP_PASSWORD", TimeSpan.FromSeconds(5)),
            Command = new CommandConnectorPolicy(true, commands),
        };
    }

    // A port that was just free: nothing listens on it, so a connection is refused at once.
    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
