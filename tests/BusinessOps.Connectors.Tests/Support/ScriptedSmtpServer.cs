using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BusinessOps.Connectors.Tests.Support;

/// <summary>
/// A tiny SMTP server on loopback for the refusals netDumbster cannot stage: it refuses every login (535), or accepts
/// the login and refuses the recipient (550). One connection at a time; enough for one message per test.
/// </summary>
internal sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ScriptedSmtpServer(Refusal refusal)
    {
        _listener.Start();
        _loop = ServeAsync(refusal, _stop.Token);
    }

    public enum Refusal
    {
        Login,
        Recipient,
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public List<string> Commands { get; } = [];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task ServeAsync(Refusal refusal, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(cancellationToken);
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost ESMTP scripted");
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                lock (Commands)
                {
                    Commands.Add(line);
                }

                var verb = line.Split(' ')[0].ToUpperInvariant();
                var reply = verb switch
                {
                    "EHLO" => "250-localhost\r\n250 AUTH PLAIN LOGIN",
                    "AUTH" when refusal == Refusal.Login => "535 5.7.8 Authentication credentials invalid",
                    "AUTH" => "235 2.7.0 Authentication successful",
                    "MAIL" => "250 2.1.0 Ok",
                    "RCPT" => "550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown",
                    "RSET" or "NOOP" => "250 Ok",
                    "QUIT" => "221 Bye",
                    _ => "502 5.5.2 Command not recognized",
                };
                await writer.WriteLineAsync(reply);
                if (verb == "QUIT")
                {
                    break;
                }
            }
        }
    }
}
