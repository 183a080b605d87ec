using System.Net;
using System.Net.Sockets;

namespace BusinessOps.Coordinator.Demo;

/// <summary>
/// A loopback HTTP server for the demo's operations issues (no internet needed): <c>/health</c> answers 200,
/// <c>/slow</c> answers after 1.5 s, <c>/broken</c> answers 503.
/// </summary>
internal sealed class DemoHealthServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public DemoHealthServer()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = Task.Run(() => ServeAsync(_stop.Token));
    }

    public string BaseUrl { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // Closed while waiting for a request.
        }

        _stop.Dispose();
    }

    private async Task ServeAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var ctx = await _listener.GetContextAsync();
            _ = Task.Run(
                async () =>
                {
                    var path = ctx.Request.Url?.AbsolutePath ?? "/";
                    if (path.StartsWith("/slow", StringComparison.Ordinal))
                    {
                        await Task.Delay(1500, ct);
                    }

                    ctx.Response.StatusCode = path.StartsWith("/broken", StringComparison.Ordinal) ? 503 : 200;
                    ctx.Response.Close();
                },
                ct);
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return port;
    }
}
