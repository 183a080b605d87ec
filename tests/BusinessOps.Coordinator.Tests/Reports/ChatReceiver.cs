using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BusinessOps.Coordinator.Tests.Reports;

/// <summary>A Slack-compatible incoming webhook on loopback Kestrel: every POST body it received, in order.</summary>
internal sealed class ChatReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ChatReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<string> Messages { get; } = new();

    public Uri Url { get; private set; } = null!;

    public static async Task<ChatReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new ChatReceiver(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            receiver.Messages.Enqueue(await reader.ReadToEndAsync(context.RequestAborted));
            await context.Response.WriteAsync("ok");
        });
        await app.StartAsync();
        receiver.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/chat");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
