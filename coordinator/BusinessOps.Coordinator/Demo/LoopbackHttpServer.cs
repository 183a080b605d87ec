using System.Net;
using System.Net.Sockets;

namespace BusinessOps.Coordinator.Demo;

/// <summary>
/// The demo's loopback HTTP servers (no internet needed): a free port on 127.0.0.1, one request loop handing each request
/// to <see cref="HandleAsync"/>, stopped and awaited on dispose.
/// </summary>
internal abstract class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    protected LoopbackHttpServer()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
    }

    public string BaseUrl { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        try
        {
            if (_loop is not null)
            {
                await _loop;
            }
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // Closed while waiting for a request.
        }

        _stop.Dispose();
    }

    /// <summary>Starts serving; called by the subclass once its own fields are set.</summary>
    protected void Start()
    {
        _listener.Start();
        _loop = Task.Run(() => ServeAsync(_stop.Token));
    }

    /// <summary>Answers one request (and closes its response).</summary>
    protected abstract Task HandleAsync(HttpListenerContext context, CancellationToken ct);

    private async Task ServeAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var ctx = await _listener.GetContextAsync();
            try
            {
                await HandleAsync(ctx, ct);
            }
            catch (Exception ex) when (ex is HttpListenerException or IOException)
            {
                // The client went away; it retries or reports the outcome as unknown.
            }
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
