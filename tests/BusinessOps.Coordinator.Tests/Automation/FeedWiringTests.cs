using System.Text;
using BusinessOps.Automation.Feeds;
using BusinessOps.Automation.Issues;
using BusinessOps.Coordinator.Automation;
using BusinessOps.Coordinator.Logging;
using BusinessOps.Coordinator.Reconcile;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Xunit;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace BusinessOps.Coordinator.Tests.Automation;

/// <summary>
/// Issue 12, feeds on a real pass against a feed served by Kestrel on loopback: a new entry opens one issue, an unchanged
/// feed costs one 304 (and the ledger's poll time), a pass between polls nothing. (Feeds that are not feeds, huge or silent: FeedPollerTests, on the same kind of server.)
/// </summary>
public sealed class FeedWiringTests : IAsyncLifetime
{
    private WebApplication? _app;
    private volatile string _rss = Rss("a-1", "First post");
    private int _notModified;

    private string BaseUrl => _app!.Urls.First();

    [Fact]
    public async Task Passes_NewEntryThenUnchanged_OneIssuePerEntryThenOne304()
    {
        var s = new AutoShell(Files(BaseUrl + "/rss"), new DateTimeOffset(2026, 11, 9, 16, 5, 0, TimeSpan.Zero));
        using var http = new HttpClient();
        var step = new AutomationStep(s.Automation, s.Clock, Log.Quiet, new FeedPoller(http, s.Clock));
        Task<PassResult> Pass() => new Reconciler(s.Store, s.Executor, s.Inner.Policies, s.Clock, new ReconcileOptions(1, false, false), Log.Quiet) { Automation = step }.RunOnceAsync(CancellationToken.None);

        await Pass(); // the first poll opens the newest entry (initialItems: 1)
        _rss = Rss("a-2", "Second post") + Rss("a-1", "First post");
        s.Clock.Advance(TimeSpan.FromHours(1));
        await Pass();
        Assert.Equal(["Idea: First post", "Idea: Second post"], (await s.KeyedAsync(AutomationKinds.FeedItem)).Select(x => x.Issue.Title).Order(StringComparer.Ordinal));

        // Unchanged and due: one conditional GET answered 304, and one write — the ledger's poll time. Within the
        // interval: no request to the feed and no write at all.
        s.Clock.Advance(TimeSpan.FromHours(1));
        var polled = await Pass();
        Assert.Equal(1, _notModified);
        Assert.Equal(1, polled.Writes);
        s.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, (await Pass()).Writes);
        Assert.Equal(1, _notModified);
        Assert.Equal(2, (await s.KeyedAsync(AutomationKinds.FeedItem)).Count);
    }

    [Fact]
    public async Task Pass_NotAFeed_LoggedOnceByNameWithoutTheUrlsQuery()
    {
        var s = new AutoShell(Files(BaseUrl + "/page?key=private-feed-key"), new DateTimeOffset(2026, 11, 9, 16, 5, 0, TimeSpan.Zero));
        using var http = new HttpClient();
        var log = new StringWriter();
        var step = new AutomationStep(s.Automation, s.Clock, new Log(log), new FeedPoller(http, s.Clock));

        await new Reconciler(s.Store, s.Executor, s.Inner.Policies, s.Clock, new ReconcileOptions(1, false, false), Log.Quiet) { Automation = step }.RunOnceAsync(CancellationToken.None);

        var line = Assert.Single(log.ToString().Split('\n'), l => l.Contains("not an RSS 2.0", StringComparison.Ordinal));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(line, "news"));
        Assert.DoesNotContain("private-feed-key", log.ToString(), StringComparison.Ordinal);
        Assert.Empty(await s.KeyedAsync(AutomationKinds.FeedItem));
    }

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/rss", (HttpContext ctx) =>
        {
            var body = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>News</title>" + _rss + "</channel></rss>";
            var etag = "\"" + body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + body.GetHashCode(StringComparison.Ordinal).ToString("x", System.Globalization.CultureInfo.InvariantCulture) + "\"";
            if (ctx.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                Interlocked.Increment(ref _notModified);
                return HttpResults.StatusCode(304);
            }

            ctx.Response.Headers.ETag = etag;
            return HttpResults.Text(body, "application/rss+xml", Encoding.UTF8);
        });
        _app.MapGet("/page", () => HttpResults.Text("<html><body>not a feed</body></html>", "text/html", Encoding.UTF8));
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private static string Rss(string id, string title) => $"<item><guid>{id}</guid><title>{title}</title><link>https://news.example/{id}</link></item>";

    private static Dictionary<string, string> Files(string url) => new()
    {
        ["triggers.yml"] = $$"""
            feeds:
              - id: news
                url: {{url}}
                every: 30m
                initialItems: 1
                issue:
                  title: "Idea: {title}"
                  agent: marketing
                  labels: [marketing/content]
                  priority: P3
                  fields:
                    Source: "{link}"
            """,
    };
}
