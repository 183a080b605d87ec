using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace BusinessOps.Connectors.Email;

/// <summary>
/// Sends <c>email.send</c> effects over SMTP with MailKit: STARTTLS (or TLS from the first byte), optional login, one
/// message per effect with a <c>Message-ID</c> derived from the effect's key, so a resend is recognisably the same
/// message. Failures before the message was handed over (connect, TLS, login, a refused sender or recipient) are
/// failures; a connection lost while the message was being sent is <see cref="EffectStatus.Unknown"/>.
/// </summary>
public sealed class EmailConnector : IEffectConnector
{
    private readonly EmailConnectorPolicy _policy;
    private readonly string? _problem;
    private readonly MailboxAddress? _from;
    private readonly string? _username;
    private readonly string? _password;
    private readonly Func<SmtpClient> _newClient;

    /// <summary>Reads the login from the variables policy names; <paramref name="newClient"/> lets tests trust a loopback certificate.</summary>
    public EmailConnector(EmailConnectorPolicy policy, Func<string, string?> environment, Func<SmtpClient>? newClient = null)
    {
        _policy = policy;
        _newClient = newClient ?? (() => new SmtpClient());
        _problem = Check(policy, environment, out _from, out _username, out _password);
    }

    /// <summary>Why no email can be sent (not configured, login variable missing), or null.</summary>
    public string? Problem => _problem;

    /// <summary>The stable <c>Message-ID</c> of the message for <paramref name="key"/>: <c>{32 hex}@{sender's domain}</c>.</summary>
    public static string MessageId(string key, string fromAddress)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
        var at = fromAddress.LastIndexOf('@');
        var domain = at >= 0 && at < fromAddress.Length - 1 ? fromAddress[(at + 1)..] : "businessops.local";
        return $"{hash}@{domain}";
    }

    public string? Unavailable(Effect effect) => _problem;

    public async Task<EffectOutcome> PerformAsync(EffectRequest request, CancellationToken cancellationToken)
    {
        if (_problem is not null)
        {
            return EffectOutcome.Failed(_problem, permanent: true);
        }

        using var message = Build(request);
        var server = string.Create(CultureInfo.InvariantCulture, $"{_policy.Host}:{_policy.Port}");
        using var client = _newClient();
        client.Timeout = (int)Math.Min(int.MaxValue, _policy.Timeout.TotalMilliseconds);
        var phase = "connect";
        try
        {
            await client.ConnectAsync(_policy.Host!, _policy.Port, Options(_policy.Security), cancellationToken);
            if (_username is not null)
            {
                phase = "login";
                await client.AuthenticateAsync(_username, _password ?? string.Empty, cancellationToken);
            }

            phase = "send";
            var answer = await client.SendAsync(message, cancellationToken);
            await DisconnectQuietlyAsync(client);
            var queued = string.IsNullOrWhiteSpace(answer) ? string.Empty : " (" + answer.Trim() + ")";
            return EffectOutcome.Done($"Message-ID <{message.MessageId}>{queued}");
        }
        catch (AuthenticationException ex)
        {
            return EffectOutcome.Failed($"SMTP server {server} refused authentication for the user in {_policy.UsernameEnv}: {ex.Message}; check {_policy.UsernameEnv} and {_policy.PasswordEnv}", permanent: true);
        }
        catch (SmtpCommandException ex)
        {
            // An explicit refusal: nothing was accepted. 4xx replies are temporary, 5xx permanent.
            var code = (int)ex.StatusCode;
            var who = ex.ErrorCode switch
            {
                SmtpErrorCode.RecipientNotAccepted => $"refused the recipient {ex.Mailbox?.Address}",
                SmtpErrorCode.SenderNotAccepted => $"refused the sender {ex.Mailbox?.Address}",
                _ => "refused the message",
            };
            return EffectOutcome.Failed(string.Create(CultureInfo.InvariantCulture, $"SMTP server {server} {who}: {code} {ex.Message}"), permanent: code >= 500);
        }
        catch (NotSupportedException ex)
        {
            return EffectOutcome.Failed($"SMTP server {server}: {ex.Message} (check 'security' and the login in connectors.yml)", permanent: true);
        }
        catch (SslHandshakeException ex)
        {
            return EffectOutcome.Failed($"TLS with SMTP server {server} failed: {FirstLine(ex.Message)}", permanent: true);
        }
        catch (Exception ex) when (ex is SocketException or IOException or SmtpProtocolException or TimeoutException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return phase == "send"
                ? EffectOutcome.Unknown($"the connection to SMTP server {server} broke while the message was being sent ({FirstLine(ex.Message)}); it may have been delivered (Message-ID <{message.MessageId}>)")
                : EffectOutcome.Failed($"could not {phase} to SMTP server {server}: {FirstLine(ex.Message)} (nothing was sent)", permanent: false);
        }
    }

    /// <summary>SMTP cannot be asked whether a message went out.</summary>
    public Task<EffectCheck> CheckAsync(EffectRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(EffectCheck.CannotTell("an SMTP server cannot be asked whether a message was sent"));

    private MimeMessage Build(EffectRequest request)
    {
        var p = request.Effect.Parameters;
        var message = new MimeMessage
        {
            MessageId = MessageId(request.KeyText, _from!.Address),
            Subject = Text(p, "subject"),
            Body = new TextPart("plain") { Text = Text(p, "body") },
        };
        message.From.Add(_from);
        message.To.Add(MailboxAddress.Parse(request.Effect.Target));
        if (p.TryGetProperty("replyTo", out var replyTo) && replyTo.ValueKind == JsonValueKind.String)
        {
            message.ReplyTo.Add(MailboxAddress.Parse(replyTo.GetString()!));
        }

        message.Headers.Add("X-BusinessOps-Effect", request.KeyText);
        return message;
    }

    private static string? Check(EmailConnectorPolicy policy, Func<string, string?> environment, out MailboxAddress? from, out string? username, out string? password)
    {
        from = null;
        username = null;
        password = null;
        if (!policy.Enabled)
        {
            return "the email connector is not enabled in policies/connectors.yml";
        }

        if (string.IsNullOrWhiteSpace(policy.Host) || string.IsNullOrWhiteSpace(policy.From) || !MailboxAddress.TryParse(policy.From, out from))
        {
            return "the email connector needs 'host' and a valid 'from' address in policies/connectors.yml";
        }

        if (policy.Security == SmtpSecurity.None && !EmailConnectorPolicy.IsLoopbackHost(policy.Host))
        {
            return $"the email connector's security is 'none' but host {policy.Host} is not loopback: use starttls or tls";
        }

        if (policy.UsernameEnv is { } userEnv)
        {
            username = environment(userEnv);
            password = policy.PasswordEnv is { } passwordEnv ? environment(passwordEnv) : null;
            if (string.IsNullOrEmpty(username))
            {
                return $"the email connector's login is not set: the environment variable {userEnv} is empty";
            }

            if (policy.PasswordEnv is not null && string.IsNullOrEmpty(password))
            {
                return $"the email connector's password is not set: the environment variable {policy.PasswordEnv} is empty";
            }
        }

        return null;
    }

    private static SecureSocketOptions Options(SmtpSecurity security) => security switch
    {
        SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };

    private static async Task DisconnectQuietlyAsync(SmtpClient client)
    {
        try
        {
            // The message is accepted; a failed QUIT changes nothing about that.
            using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await client.DisconnectAsync(quit: true, quit.Token);
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or OperationCanceledException or ServiceNotConnectedException)
        {
            // Nothing to do: the server closed first.
        }
    }

    private static string Text(JsonElement parameters, string name) =>
        parameters.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
