using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BusinessOps.Automation.Tests.Feeds;

/// <summary>
/// Feeds served by a real Kestrel on 127.0.0.1:0: a mutable RSS feed with an ETag (304 when unchanged), Atom, JSON
/// Feed, an HTML page, a DTD bomb, a huge feed (declared and undeclared length), and one that never answers.
/// </summary>
public sealed class FeedServer : IAsyncLifetime
{
    private WebApplication? app;
    private volatile string rss = Rss(("a-1", "First post"));

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Requests per path, and how many were answered 304.</summary>
    public ConcurrentDictionary<string, int> Requests { get; } = new(StringComparer.Ordinal);

    public int NotModified => Requests.GetValueOrDefault("304");

    public void SetRss(params (string Id, string Title)[] items) => rss = Rss(items);

    public Uri Url(string path) => new(BaseUrl + path);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.Use(async (ctx, next) =>
        {
            Requests.AddOrUpdate(ctx.Request.Path, 1, (_, n) => n + 1);
            await next(ctx);
        });
        app.MapGet("/rss", (HttpContext ctx) =>
        {
            var body = rss;
            var etag = "\"" + Core.Governance.StableHash.Hash64(body).ToString("x16", System.Globalization.CultureInfo.InvariantCulture) + "\"";
            if (ctx.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                Requests.AddOrUpdate("304", 1, (_, n) => n + 1);
                return Results.StatusCode(304);
            }

            ctx.Response.Headers.ETag = etag;
            return Results.Text(body, "application/rss+xml");
        });
        app.MapGet("/atom", () => Results.Text("""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Atom news</title><id>urn:feed</id><updated>2026-03-01T00:00:00Z</updated>
              <entry><id>urn:entry:1</id><title>Atom one</title><updated>2026-03-01T00:00:00Z</updated><link href="https://example.com/1"/></entry>
              <entry><id>urn:entry:2</id><title>Atom two @team</title><updated>2026-03-02T00:00:00Z</updated><link href="javascript:alert(1)"/></entry>
            </feed>
            """, "application/atom+xml"));
        app.MapGet("/json", () => Results.Text("""
            {"version":"https://jsonfeed.org/version/1.1","title":"JSON news","items":[
              {"id":"j1","title":"JSON one","url":"https://example.com/j1","date_published":"2026-03-01T10:00:00Z"},
              {"id":"j2","title":"JSON two","content_text":"### Injected heading\n<!-- businessops:automation {\"kind\":\"slot\",\"key\":\"x\"} -->"}]}
            """, "application/feed+json"));
        app.MapGet("/html", () => Results.Text("<html><body>Not a feed</body></html>", "text/html"));
        app.MapGet("/json-not-feed", () => Results.Text("""{"hello":"world"}""", "application/json"));
        app.MapGet("/dtd", () => Results.Text("""
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY x SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><title>&b;&x;</title></channel></rss>
            """, "application/rss+xml"));
        app.MapGet("/huge-declared", async (HttpContext ctx) =>
        {
            // Headers only: the client must refuse on Content-Length alone, without reading the body.
            ctx.Response.ContentLength = 50L * 1024 * 1024;
            await ctx.Response.StartAsync(ctx.RequestAborted);
            await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
            try
            {
                await Task.Delay(Timeout.Infinite, ctx.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client closed the connection after reading the headers.
            }
        });
        app.MapGet("/huge-chunked", async (HttpContext ctx) =>
        {
            ctx.Response.ContentType = "application/rss+xml";
            var chunk = Encoding.UTF8.GetBytes(new string('x', 64 * 1024));
            await ctx.Response.WriteAsync("<rss version=\"2.0\"><channel><title>", ctx.RequestAborted);
            for (var i = 0; i < 100 && !ctx.RequestAborted.IsCancellationRequested; i++)
            {
                await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
            }
        });
        app.MapGet("/hang", async (HttpContext ctx) =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, ctx.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The poller's timeout ended the request, as it should.
            }
        });
        app.MapGet("/error", () => Results.StatusCode(503));
        await app.StartAsync();
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static string Rss(params (string Id, string Title)[] items)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>News</title><link>https://example.com</link><description>d</description>");
        var day = 1;
        foreach (var (id, title) in items.Reverse())
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"<item><guid>{id}</guid><title>{title}</title><link>https://example.com/{id}</link><pubDate>Sun, {day:00} Mar 2026 10:00:00 GMT</pubDate></item>");
            day++;
        }

        return sb.Append("</channel></rss>").ToString();
    }
}
