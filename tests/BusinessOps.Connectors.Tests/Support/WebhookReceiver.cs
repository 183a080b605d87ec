using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace BusinessOps.Connectors.Tests.Support;

/// <summary>
/// A Standard Webhooks receiver on loopback Kestrel, as a careful integrator writes one: every delivery's signature and
/// timestamp are verified with the StandardWebhooks package (the reference verifier's semantics: HMAC-SHA256 v1, a
/// five-minute replay window), a repeated <c>webhook-id</c> is acknowledged but not processed again, and
/// <c>GET /deliveries/{id}</c> answers whether a delivery arrived (200/404). <see cref="Script"/> queues answers for
/// the next requests (a 503, a 400, a slow answer) to stage failures. <c>POST /slack</c> accepts a chat message unsigned.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    /// <summary>A valid Standard Webhooks secret for tests.</summary>
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private readonly WebApplication _app;
    private readonly StandardWebhook _verifier = new(Secret);
    private readonly ConcurrentDictionary<string, Delivery> _processed = new(StringComparer.Ordinal);
    private int _requests;
    private int _duplicates;
    private int _rejected;

    private WebhookReceiver(WebApplication app)
    {
        _app = app;
    }

    /// <summary>Answers for the next requests, in order; an empty queue means "verify and accept".</summary>
    public ConcurrentQueue<Reply> Script { get; } = new();

    /// <summary>Deliveries processed (verified, first time seen), by webhook-id.</summary>
    public IReadOnlyDictionary<string, Delivery> Processed => _processed;

    /// <summary>Chat messages received on <c>/slack</c>.</summary>
    public ConcurrentQueue<string> ChatMessages { get; } = new();

    public int Requests => Volatile.Read(ref _requests);

    public int Duplicates => Volatile.Read(ref _duplicates);

    public int Rejected => Volatile.Read(ref _rejected);

    public Uri BaseUrl { get; private set; } = null!;

    public Uri HookUrl => new(BaseUrl, "hooks");

    public Uri SlackUrl => new(BaseUrl, "slack");

    public Uri CheckUrl => new(BaseUrl.AbsoluteUri + "deliveries/{key}");

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            o.AddServerHeader = false;
        });
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var path = context.Request.Path.Value ?? string.Empty;
        if (HttpMethods.IsGet(context.Request.Method) && path.StartsWith("/deliveries/", StringComparison.Ordinal))
        {
            var id = Uri.UnescapeDataString(path["/deliveries/".Length..]);
            context.Response.StatusCode = _processed.ContainsKey(id) ? 200 : 404;
            await context.Response.WriteAsync(_processed.TryGetValue(id, out var found) ? $"{{\"id\":\"{found.DeliveryId}\"}}" : "{}");
            return;
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        if (path == "/slack")
        {
            ChatMessages.Enqueue(body);
            await context.Response.WriteAsync("ok");
            return;
        }

        if (Script.TryDequeue(out var reply))
        {
            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay, CancellationToken.None);
            }

            if (!reply.Process)
            {
                context.Response.StatusCode = reply.Status;
                await context.Response.WriteAsync(reply.Body);
                return;
            }
        }

        await AcceptAsync(context, body);
    }

    private async Task AcceptAsync(HttpContext context, string body)
    {
        try
        {
            _verifier.Verify(body, context.Request.Headers);
        }
        catch (WebhookVerificationException ex)
        {
            Interlocked.Increment(ref _rejected);
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync("webhook rejected: " + ex.Message);
            return;
        }

        var id = context.Request.Headers["webhook-id"].ToString();
        var delivery = new Delivery(id, "dlv_" + (_processed.Count + 1), body, context.Request.Headers["Idempotency-Key"].ToString());
        if (!_processed.TryAdd(id, delivery))
        {
            Interlocked.Increment(ref _duplicates);
            delivery = _processed[id];
        }

        context.Response.StatusCode = 200;
        await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = delivery.DeliveryId }));
    }

    /// <summary>One staged answer: <paramref name="Status"/> with <paramref name="Body"/> after <paramref name="Delay"/>; with <paramref name="Process"/> the delivery is verified and processed after the delay instead.</summary>
    public sealed record Reply(int Status, string Body = "", TimeSpan Delay = default, bool Process = false);

    /// <summary>A processed delivery.</summary>
    public sealed record Delivery(string WebhookId, string DeliveryId, string Body, string IdempotencyKey);
}
