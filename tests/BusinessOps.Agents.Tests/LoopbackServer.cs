using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace BusinessOps.Agents.Tests;

/// <summary>A real Kestrel server on 127.0.0.1:0 with /ok (200), /fail (500) and /hang (never answers until aborted).</summary>
public sealed class LoopbackServer : IAsyncLifetime
{
    private WebApplication? _app;
    private int _requests;

    /// <summary>Requests received so far: a refused connection never reaches the server.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public string BaseUrl { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Use(async (HttpContext ctx, RequestDelegate next) =>
        {
            Interlocked.Increment(ref _requests);
            await next(ctx);
        });
        _app.MapGet("/ok", () => Results.Ok("healthy"));
        _app.MapGet("/fail", () => Results.StatusCode(500));

        // Waits for the client to give up: the checker's timeout is what ends the request, not a sleep.
        _app.MapGet("/hang", async (HttpContext ctx) =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, ctx.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
        });
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
