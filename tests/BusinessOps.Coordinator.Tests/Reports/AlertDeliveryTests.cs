using System.Net;
using System.Text.Json;
using BusinessOps.Connectors;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reports.Dashboard;
using BusinessOps.Core.Policies;
using Microsoft.Extensions.Time.Testing;
using netDumbster.smtp;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Reports;

/// <summary>
/// Issue 14, alert delivery: an alert that crosses its threshold reaches the chat webhook (Kestrel on loopback) and the
/// mailbox (netDumbster on loopback) through the effect connectors exactly once, however many passes it stays crossed;
/// its resolution is delivered once too.
/// </summary>
public sealed class AlertDeliveryTests : IDisposable
{
    private readonly SimpleSmtpServer _smtp = Configuration.Configure().WithAddress(IPAddress.Loopback).WithRandomPort().Build();

    public void Dispose() => _smtp.Dispose();

    [Fact]
    public async Task SlaBreach_StaysCrossedForThreePasses_DeliveredOnceByWebhookAndEmail_ThenResolvedOnce()
    {
        await using var chat = await ChatReceiver.StartAsync();
        await using var h = await DashboardHarness.StartAsync();
        var policy = ConnectorsPolicy.Default with
        {
            Webhook = new WebhookConnectorPolicy(true, TimeSpan.FromSeconds(10), 0, TimeSpan.FromMilliseconds(10), [new WebhookEndpoint("team-chat", chat.Url, null, null, WebhookFormat.Slack)]),
            Email = new EmailConnectorPolicy(true, "127.0.0.1", _smtp.Configuration.Port, SmtpSecurity.None, "BusinessOps <ops@acme.example>", null, null, TimeSpan.FromSeconds(10)),
        };
        // The connectors' own clock stands still: the harness's clock jumps ahead on every read, which would time a send out at once.
        using var connectors = ConnectorSet.Create(policy, new ConnectorOptions(_ => null, new FakeTimeProvider(h.Clock.GetUtcNow()), LocalExecutor: true));
        var delivery = new AlertDelivery("team-chat", ["oncall@acme.example"]);
        h.Alerts = h.Alerts with { Delivery = delivery };
        var log = new StringWriter();
        h.Sink = ConnectorAlertSink.Create(connectors, delivery, "acme/ops", new Log(log));
        var breached = h.Server.SeedIssue("Checkout is down", labels: ["operations/monitoring", "priority/P0", "status/in-progress", "sla/breached"]);

        var raised = (await h.PassAsync()).Outcome;
        await h.PassAsync();
        await h.PassAsync();

        Assert.Equal(1, raised.Raised);
        Assert.True(log.ToString().Length == 0, log.ToString());
        var message = Assert.Single(chat.Messages);
        Assert.Contains($"SLA breached on #{breached}", JsonDocument.Parse(message).RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        var mail = Assert.Single(_smtp.ReceivedEmail);
        Assert.Equal("oncall@acme.example", Assert.Single(mail.ToAddresses).Address);
        Assert.Contains("SLA breached", mail.Headers["Subject"], StringComparison.Ordinal);

        await h.RemoveLabelAsync(breached, "sla/breached");
        var resolved = (await h.PassAsync()).Outcome;
        await h.PassAsync();

        Assert.Equal(1, resolved.Resolved);
        Assert.Equal(2, chat.Messages.Count);
        Assert.StartsWith("✅ Resolved", JsonDocument.Parse(chat.Messages.Last()).RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, _smtp.ReceivedEmail.Length);
    }
}
