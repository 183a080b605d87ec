using System.Text;
using BenchmarkDotNet.Attributes;
using BusinessOps.Automation.Feeds;
using BusinessOps.Automation.Issues;
using BusinessOps.Automation.Schedules;
using BusinessOps.Core.Labels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BusinessOps.Benchmarks;

/// <summary>
/// Operations that run themselves. Schedules: 1,000 schedules (weekday mornings in Los Angeles, hourly, every 6 h,
/// monthly, mixed over four zones) — a year of their slots enumerated, one reconcile pass 15 minutes after the last,
/// and one pass after a year of downtime (catch-up latest). Feeds: one poll of an unchanged feed (a conditional GET
/// answered 304; the server counts requests) against one poll that downloads and parses a 50-entry feed.
/// </summary>
[MemoryDiagnoser]
#pragma warning disable CA1001 // BenchmarkDotNet owns the lifetime: the client and server are disposed in [GlobalCleanup].
public class AutomationBenchmarks
#pragma warning restore CA1001
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly List<ScheduleDefinition> schedules = [];
    private ScheduleHistory fifteenMinutesAgo = ScheduleHistory.Empty;
    private ScheduleHistory aYearAgo = ScheduleHistory.Empty;
    private WebApplication? app;
    private HttpClient? http;
    private FeedPoller? poller;
    private FeedDefinition? feed;
    private FeedState? seen;
    private int requests;

    [GlobalSetup]
    public async Task Setup()
    {
        string[] zones = ["America/Los_Angeles", "Europe/Berlin", "Asia/Tokyo", "UTC"];
        string[] crons = ["0 8 * * 1-5", "0 * * * *", "30 9 1 * *", "15 10 * * 1"];
        var template = new IssueTemplate("Report {date}", AgentNames.Analytics, ["analytics/reporting"], Priority.P2, [new FormField("Period", "{date} {time}")]);
        for (var i = 0; i < 1000; i++)
        {
            var zone = TimeZones.Find(zones[i % zones.Length], out _)!;
            ScheduleTiming timing = i % 5 == 4
                ? new IntervalTiming(TimeSpan.FromHours(6), IntervalTiming.DefaultAnchor, zone)
                : CronTiming.TryCreate(crons[i % crons.Length], zone, out var cron, out _) ? cron! : throw new InvalidOperationException();
            schedules.Add(new ScheduleDefinition($"schedule-{i}", timing, template));
        }

        var passAt = Start.AddDays(365);
        fifteenMinutesAgo = new ScheduleHistory(schedules.ToDictionary(s => s.Id, _ => passAt.AddMinutes(-15)), []);
        aYearAgo = new ScheduleHistory(schedules.ToDictionary(s => s.Id, _ => Start), []);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        var body = Feed(50);
        app.MapGet("/feed", (HttpContext ctx) =>
        {
            Interlocked.Increment(ref requests);
            if (ctx.Request.Headers.IfNoneMatch.ToString() == "\"v1\"")
            {
                return Results.StatusCode(304);
            }

            ctx.Response.Headers.ETag = "\"v1\"";
            return Results.Text(body, "application/rss+xml");
        });
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/feed";
        http = new HttpClient();
        poller = new FeedPoller(http, TimeProvider.System);
        feed = new FeedDefinition("bench", new Uri(url), TimeSpan.FromHours(1), template);
        seen = (await poller.PollAsync(feed, null, CancellationToken.None)).State;
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        http?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        // Printed so the request count per unchanged poll is on record next to the timings.
        Console.WriteLine($"// feed server requests: {requests}");
    }

    [Benchmark(Description = "1,000 schedules: a year of slots")]
    public int YearOfSlots()
    {
        var count = 0;
        foreach (var s in schedules)
        {
            count += s.Timing.Slots(Start, Start.AddDays(365)).Count();
        }

        return count;
    }

    [Benchmark(Description = "1,000 schedules: one pass, 15 min after the last")]
    public int Pass() => ScheduleEvaluator.Evaluate(schedules, Start.AddDays(365), fifteenMinutesAgo).Open.Count;

    [Benchmark(Description = "1,000 schedules: one pass after a year down (latest)")]
    public int PassAfterAYear() => ScheduleEvaluator.Evaluate(schedules, Start.AddDays(365), aYearAgo).Open.Count;

    [Benchmark(Description = "feed poll, unchanged (one 304)")]
    public async Task<FeedPollStatus> PollUnchanged() => (await poller!.PollAsync(feed!, seen, CancellationToken.None)).Status;

    [Benchmark(Description = "feed poll, 50 entries downloaded and parsed")]
    public async Task<int> PollChanged() => (await poller!.PollAsync(feed!, seen! with { ETag = null }, CancellationToken.None)).NewItems.Count;

    private static string Feed(int items)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Bench</title><link>https://example.com</link><description>d</description>");
        for (var i = 0; i < items; i++)
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"<item><guid>item-{i}</guid><title>Entry {i}</title><link>https://example.com/{i}</link><description>{new string('x', 400)}</description></item>");
        }

        return sb.Append("</channel></rss>").ToString();
    }
}
