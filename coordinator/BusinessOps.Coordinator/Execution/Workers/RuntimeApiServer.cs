using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;

namespace BusinessOps.Coordinator.Execution.Workers;

/// <summary>
/// The Lambda Runtime API (2018-06-01) served on loopback for the warm local workers: each worker's
/// <c>AWS_LAMBDA_RUNTIME_API</c> is <c>127.0.0.1:PORT/TOKEN</c>, so the agents run the very loop they run inside Lambda
/// (<c>next</c>, then <c>response</c> or <c>error</c>) and one code path serves both. The token is random per worker: a
/// worker reaches its own mailbox only. <see cref="HttpListener"/> (BCL) rather than Kestrel: the coordinator takes no
/// ASP.NET Core dependency for one loopback route.
/// </summary>
internal sealed class RuntimeApiServer : IDisposable
{
    private const string Version = "/2018-06-01/runtime/";

    // RouteAsync's answer when the response (an event) is already written.
    private const int Written = 0;

    private readonly HttpListener _listener;
    private readonly ConcurrentDictionary<string, WorkerMailbox> _mailboxes = new(StringComparer.Ordinal);
    private readonly int _maxResponseBytes;
    private readonly Task _accepting;

    private RuntimeApiServer(HttpListener listener, int port, int maxResponseBytes)
    {
        _listener = listener;
        _maxResponseBytes = maxResponseBytes;
        Authority = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}");
        _accepting = AcceptAsync();
    }

    /// <summary><c>127.0.0.1:PORT</c>.</summary>
    public string Authority { get; }

    /// <summary>Starts on a free loopback port; responses larger than <paramref name="maxResponseBytes"/> get 413, as Lambda answers.</summary>
    public static RuntimeApiServer Start(int maxResponseBytes)
    {
        for (var attempt = 0; ; attempt++)
        {
            // HttpListener cannot bind port 0: take a free port from the OS, then listen on it (retried if taken meanwhile).
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            listener.Prefixes.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
            try
            {
                listener.Start();
                return new RuntimeApiServer(listener, port, maxResponseBytes);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    /// <summary>Opens a mailbox for a new worker; returns the <c>AWS_LAMBDA_RUNTIME_API</c> value it must be started with.</summary>
    public string Open(WorkerMailbox mailbox)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _mailboxes[token] = mailbox;
        return $"{Authority}/{token}";
    }

    /// <summary>Closes the mailbox behind <paramref name="runtimeApi"/> (the value <see cref="Open"/> returned).</summary>
    public void Close(string runtimeApi)
    {
        if (_mailboxes.TryRemove(runtimeApi[(Authority.Length + 1)..], out var mailbox))
        {
            mailbox.Close();
        }
    }

    public void Dispose()
    {
        foreach (var mailbox in _mailboxes.Values)
        {
            mailbox.Close();
        }

        _mailboxes.Clear();
        _listener.Close();
        try
        {
            _accepting.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // The accept loop ends with the listener; how does not matter here.
        }
    }

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = HandleAsync(context);
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var status = await RouteAsync(context);
            if (status != Written)
            {
                response.StatusCode = status;
            }
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The worker went away mid-request (killed, recycled): its dispatch learns that from the process.
            return;
        }

        try
        {
            response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
        {
            // Same: nobody is listening for this answer any more.
        }
    }

    /// <summary>Serves one request; returns the status code, or <see cref="Written"/> when a <c>next</c> wrote its event.</summary>
    private async Task<int> RouteAsync(HttpListenerContext context)
    {
        var path = context.Request.Url?.AbsolutePath ?? string.Empty;
        var slash = path.IndexOf('/', 1);
        if (slash < 0 || !path.AsSpan(slash).StartsWith(Version, StringComparison.Ordinal) || !_mailboxes.TryGetValue(path[1..slash], out var mailbox))
        {
            return 404;
        }

        var route = path[(slash + Version.Length)..];
        var method = context.Request.HttpMethod;
        if (method == "GET" && route == "invocation/next")
        {
            return await NextAsync(context.Response, mailbox);
        }

        if (method != "POST")
        {
            return 405;
        }

        if (route == "init/error")
        {
            // The agent could not start its loop: its process exits next, which is how the dispatch learns of it.
            return 202;
        }

        var parts = route.Split('/');
        if (parts is not ["invocation", var id, var kind] || kind is not ("response" or "error"))
        {
            return 404;
        }

        var body = await ReadBoundedAsync(context.Request);
        if (body is null)
        {
            return 413;
        }

        var errorType = context.Request.Headers["Lambda-Runtime-Function-Error-Type"];
        return mailbox.Answer(Uri.UnescapeDataString(id), new RuntimeAnswer(kind == "error", body, errorType)) ? 202 : 400;
    }

    private static async Task<int> NextAsync(HttpListenerResponse response, WorkerMailbox mailbox)
    {
        RuntimeEvent next;
        try
        {
            next = await mailbox.NextAsync(CancellationToken.None);
        }
        catch (ChannelClosedException)
        {
            // Recycled or shutting down: the worker's loop ends on this error.
            return 410;
        }

        response.StatusCode = 200;
        response.Headers["Lambda-Runtime-Aws-Request-Id"] = next.RequestId;
        response.Headers["Lambda-Runtime-Deadline-Ms"] = next.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        response.ContentType = "application/json";
        response.ContentLength64 = next.Payload.Length;
        await response.OutputStream.WriteAsync(next.Payload);
        return Written;
    }

    /// <summary>The request body as text, or null when it is larger than the limit.</summary>
    private async Task<string?> ReadBoundedAsync(HttpListenerRequest request)
    {
        if (request.ContentLength64 > _maxResponseBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int n;
        while ((n = await request.InputStream.ReadAsync(chunk)) > 0)
        {
            if (buffer.Length + n > _maxResponseBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, n);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
