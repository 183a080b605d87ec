using System.Net;
using BusinessOps.Connectors.Email;
using BusinessOps.Connectors.Tests.Support;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Policies;
using netDumbster.smtp;

namespace BusinessOps.Connectors.Tests.Email;

public sealed class EmailConnectorTests : IDisposable
{
    private readonly SimpleSmtpServer _smtp = Configuration.Configure().WithAddress(IPAddress.Loopback).WithRandomPort().Build();

    public void Dispose() => _smtp.Dispose();

    [Fact]
    public async Task Perform_NoLogin_OneMessageWithStableMessageIdDerivedFromTheKey()
    {
        var connector = new EmailConnector(Policy(_smtp.Configuration.Port), Samples.Env());
        var request = Samples.Request(Samples.Email("lead@globex.example"));

        var outcome = await connector.PerformAsync(request, CancellationToken.None);

        Assert.Equal(EffectStatus.Done, outcome.Status);
        var message = Assert.Single(_smtp.ReceivedEmail);
        var expectedId = EmailConnector.MessageId(request.KeyText, "ops@acme.example");
        Assert.Equal($"<{expectedId}>", message.Headers["Message-ID"]);
        Assert.Contains(expectedId, outcome.Reference, StringComparison.Ordinal);
        Assert.Equal("lead@globex.example", Assert.Single(message.ToAddresses).Address);
        Assert.Equal("Your proposal", message.Headers["Subject"]);
        Assert.Equal(request.KeyText, message.Headers["X-BusinessOps-Effect"]);
        Assert.Equal(expectedId, EmailConnector.MessageId(request.KeyText, "ops@acme.example"));
        Assert.NotEqual(expectedId, EmailConnector.MessageId(Samples.Key(2).ToString(), "ops@acme.example"));
    }

    [Fact]
    public async Task Perform_WithLogin_AuthenticatesAndSends()
    {
        var policy = Policy(_smtp.Configuration.Port) with { UsernameEnv = "SMTP_USER", PasswordEnv = "SMTP_PASSWORD" };
        var connector = new EmailConnector(policy, Samples.Env(("SMTP_USER", "ops"), ("SMTP_PASSWORD", "s3cret-pass")));

        var outcome = await connector.PerformAsync(Samples.Request(Samples.Email()), CancellationToken.None);

        Assert.Equal(EffectStatus.Done, outcome.Status);
        Assert.Single(_smtp.ReceivedEmail);
    }

    [Fact]
    public async Task Perform_ServerRefusesLogin_FailsPermanentlyNamingTheVariablesNotThePassword()
    {
        await using var server = new ScriptedSmtpServer(ScriptedSmtpServer.Refusal.Login);
        var policy = Policy(server.Port) with { UsernameEnv = "SMTP_USER", PasswordEnv = "SMTP_PASSWORD" };
        var connector = new EmailConnector(policy, Samples.Env(("SMTP_USER", "ops"), ("SMTP_PASSWORD", "s3cret-pass")));

        var outcome = await connector.PerformAsync(Samples.Request(Samples.Email()), CancellationToken.None);

        Assert.Equal(EffectStatus.Failed, outcome.Status);
        Assert.True(outcome.Permanent);
        Assert.StartsWith($"SMTP server 127.0.0.1:{server.Port} refused authentication", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("check SMTP_USER and SMTP_PASSWORD", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pass", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Commands, c => c.StartsWith("MAIL", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Perform_RecipientRefused_FailsPermanentlyWithTheServersReason()
    {
        await using var server = new ScriptedSmtpServer(ScriptedSmtpServer.Refusal.Recipient);
        var connector = new EmailConnector(Policy(server.Port), Samples.Env());

        var outcome = await connector.PerformAsync(Samples.Request(Samples.Email("nobody@example.com")), CancellationToken.None);

        Assert.Equal(EffectStatus.Failed, outcome.Status);
        Assert.True(outcome.Permanent);
        Assert.Contains("refused the recipient nobody@example.com", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("User unknown", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Perform_StartTlsRequiredButNotOffered_FailsPermanentlyBeforeSendingAnything()
    {
        var connector = new EmailConnector(Policy(_smtp.Configuration.Port) with { Security = SmtpSecurity.StartTls }, Samples.Env());

        var outcome = await connector.PerformAsync(Samples.Request(Samples.Email()), CancellationToken.None);

        Assert.Equal(EffectStatus.Failed, outcome.Status);
        Assert.True(outcome.Permanent);
        Assert.Contains("STARTTLS", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(_smtp.ReceivedEmail);
    }

    [Fact]
    public async Task Perform_NothingListening_FailsTransientlyAndSaysNothingWasSent()
    {
        var port = _smtp.Configuration.Port;
        _smtp.Stop();
        var connector = new EmailConnector(Policy(port), Samples.Env());

        var outcome = await connector.PerformAsync(Samples.Request(Samples.Email()), CancellationToken.None);

        Assert.Equal(EffectStatus.Failed, outcome.Status);
        Assert.False(outcome.Permanent);
        Assert.Contains("nothing was sent", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unavailable_PlaintextToARemoteHost_Refused()
    {
        var connector = new EmailConnector(Policy(25) with { Host = "smtp.example.com" }, Samples.Env());

        Assert.Contains("not loopback", connector.Unavailable(Samples.Email()), StringComparison.Ordinal);
    }

    [Fact]
    public void Unavailable_LoginVariableEmpty_SaysWhich()
    {
        var connector = new EmailConnector(Policy(25) with { UsernameEnv = "SMTP_USER", PasswordEnv = "SMTP_PASSWORD" }, Samples.Env(("SMTP_USER", "ops")));

        Assert.Equal("the email connector's password is not set: the environment variable SMTP_PASSWORD is empty", connector.Unavailable(Samples.Email()));
    }

    [Fact]
    public async Task Check_CannotTell()
    {
        var connector = new EmailConnector(Policy(_smtp.Configuration.Port), Samples.Env());

        var check = await connector.CheckAsync(Samples.Request(Samples.Email()), CancellationToken.None);

        Assert.Equal(EffectPresence.CannotTell, check.Presence);
    }

    private static EmailConnectorPolicy Policy(int port) =>
        new(true, "127.0.0.1", port, SmtpSecurity.None, "BusinessOps <ops@acme.example>", null, null, TimeSpan.FromSeconds(10));
}
