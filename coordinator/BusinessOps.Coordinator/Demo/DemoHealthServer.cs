using System.Net;

namespace BusinessOps.Coordinator.Demo;

/// <summary>
/// A loopback HTTP server for the demo's operations issues (no internet needed): <c>/health</c> answers 200,
/// <c>/slow</c> answers after 1.5 s, <c>/broken</c> answers 503.
/// </summary>
internal sealed class DemoHealthServer : LoopbackHttpServer
{
    public DemoHealthServer() => Start();

    protected override Task HandleAsync(HttpListenerContext context, CancellationToken ct)
    {
        // Each request on its own: a slow one does not hold up the next.
        _ = Task.Run(
            async () =>
            {
                var path = context.Request.Url?.AbsolutePath ?? "/";
                if (path.StartsWith("/slow", StringComparison.Ordinal))
                {
                    await Task.Delay(1500, ct);
                }

                context.Response.StatusCode = path.StartsWith("/broken", StringComparison.Ordinal) ? 503 : 200;
                context.Response.Close();
            },
            ct);
        return Task.CompletedTask;
    }
}
