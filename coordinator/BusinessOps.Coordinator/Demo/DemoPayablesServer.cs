using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using BusinessOps.Connectors.Webhooks;

namespace BusinessOps.Coordinator.Demo;

/// <summary>
/// The demo's payables system on loopback: receives the finance agent's approved payment instructions as Standard
/// Webhooks, verifies each signature and timestamp (five minutes either way) with the secret it was given, drops a
/// repeated <c>webhook-id</c> (answering with the first delivery's id), and keeps what arrived so the demo can show it.
/// </summary>
internal sealed class DemoPayablesServer : LoopbackHttpServer
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (string DeliveryId, string Body)> _deliveries = new(StringComparer.Ordinal);
    private readonly byte[] _key;
    private readonly TimeProvider _clock;
    private int _rejected;

    public DemoPayablesServer(TimeProvider clock)
    {
        _clock = clock;
        Secret = WebhookSigner.SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        _key = WebhookSigner.ParseSecret(Secret)!;
        Url = new Uri(BaseUrl + "/payables");
        Start();
    }

    /// <summary>The <c>whsec_</c> secret the demo's connector signs with.</summary>
    public string Secret { get; }

    public Uri Url { get; }

    /// <summary>The bodies of the distinct deliveries received, in no particular order.</summary>
    public IReadOnlyList<string> Payments => [.. _deliveries.Values.Select(d => d.Body)];

    /// <summary>Deliveries refused (bad signature or timestamp).</summary>
    public int Rejected => Volatile.Read(ref _rejected);

    protected override async Task HandleAsync(HttpListenerContext ctx, CancellationToken ct)
    {
        using var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(ct);
        var id = ctx.Request.Headers["webhook-id"] ?? string.Empty;
        if (!Verified(id, ctx.Request.Headers["webhook-timestamp"], ctx.Request.Headers["webhook-signature"], body))
        {
            Interlocked.Increment(ref _rejected);
            await WriteAsync(ctx, 400, "{\"error\":\"signature or timestamp rejected\"}", ct);
            return;
        }

        var delivery = _deliveries.GetOrAdd(id, _ => ("dlv_" + (_deliveries.Count + 1).ToString(CultureInfo.InvariantCulture), body));
        await WriteAsync(ctx, 200, "{\"id\":\"" + delivery.DeliveryId + "\"}", ct);
    }

    private bool Verified(string id, string? timestamp, string? signatures, string body)
    {
        if (id.Length == 0 || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || signatures is null)
        {
            return false;
        }

        var sent = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if ((_clock.GetUtcNow() - sent).Duration() > Tolerance)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(WebhookSigner.Sign(_key, id, seconds, Encoding.UTF8.GetBytes(body)));
        return signatures.Split(' ').Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), expected));
    }

    private static async Task WriteAsync(HttpListenerContext ctx, int status, string json, CancellationToken ct)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(json);
        await ctx.Response.OutputStream.WriteAsync(bytes, ct);
        ctx.Response.Close();
    }
}
