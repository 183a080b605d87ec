using BusinessOps.Automation.Feeds;
using BusinessOps.Automation.Issues;
using BusinessOps.Automation.Ledger;
using BusinessOps.Core.Labels;
using Microsoft.Extensions.Time.Testing;

namespace BusinessOps.Automation.Tests.Feeds;

public sealed class FeedPollerTests(FeedServer server) : IClassFixture<FeedServer>, IDisposable
{
    private static readonly IssueTemplate Template = new("Content idea: {title}", AgentNames.Marketing, ["marketing/content"], Priority.P3,
        [new FormField("Source", "{link}"), new FormField("Summary", "{summary}")]);

    private readonly HttpClient http = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => http.Dispose();

    private FeedPoller Poller(FeedPollerOptions? options = null) => new(http, clock, options);

    private FeedDefinition Feed(string path, int initialItems = 0) => new("news", server.Url(path), TimeSpan.FromHours(1), Template) { InitialItems = initialItems };

    [Fact]
    public async Task Poll_UnchangedFeed_CostsOne304AndNewEntriesOpenOnceEach()
    {
        server.SetRss(("a-1", "First post"));
        var poller = Poller();
        var feed = new FeedDefinition("rss", server.Url("/rss"), TimeSpan.FromHours(1), Template);

        var first = await poller.PollAsync(feed, null, CancellationToken.None);
        Assert.Equal(FeedPollStatus.Read, first.Status);
        Assert.Empty(first.Issues); // the first poll learns what is already there
        Assert.NotNull(first.State.ETag);

        var before = server.Requests.GetValueOrDefault("/rss");
        var unchanged = await poller.PollAsync(feed, first.State, CancellationToken.None);
        Assert.Equal(FeedPollStatus.Unchanged, unchanged.Status);
        Assert.Equal(before + 1, server.Requests.GetValueOrDefault("/rss"));
        Assert.True(server.NotModified >= 1);

        server.SetRss(("a-3", "Third post"), ("a-2", "Second post"), ("a-1", "First post"));
        var changed = await poller.PollAsync(feed, unchanged.State, CancellationToken.None);
        Assert.Equal(["Second post", "Third post"], changed.NewItems.Select(i => i.Title));
        Assert.Equal(["Content idea: Second post", "Content idea: Third post"], changed.Issues.Select(i => i.Title));
        Assert.Contains("agent/ai-marketing-agent", changed.Issues[0].Labels);

        var again = await poller.PollAsync(feed, changed.State with { ETag = null }, CancellationToken.None);
        Assert.Equal(FeedPollStatus.Read, again.Status);
        Assert.Empty(again.Issues); // deduplicated by entry id, not by the server's validators
    }

    [Fact]
    public async Task Poll_FirstPollsFailed_FirstReadStillOnlyLearnsTheBacklog()
    {
        var failed = await Poller().PollAsync(Feed("/error"), null, CancellationToken.None);
        var failedAgain = await Poller().PollAsync(Feed("/error"), failed.State, CancellationToken.None);

        // The feed answers at last (here: the same feed id now served from /atom, two entries): nothing is opened, also
        // after its state went through the ledger between passes.
        var kept = AutomationLedger.FromMarker(new AutomationLedger { Feeds = { ["news"] = failedAgain.State } }.ToMarker()).Feeds["news"];
        var read = await Poller().PollAsync(Feed("/atom"), kept, CancellationToken.None);

        Assert.Equal(FeedPollStatus.Failed, failedAgain.Status);
        Assert.Equal(FeedPollStatus.Read, read.Status);
        Assert.Empty(read.Issues);
        Assert.Empty((await Poller().PollAsync(Feed("/atom"), read.State with { ETag = null }, CancellationToken.None)).Issues);
    }

    [Fact]
    public async Task Poll_Atom_ReadsEntriesAndNeutralisesText()
    {
        var result = await Poller().PollAsync(Feed("/atom", initialItems: 5), null, CancellationToken.None);

        Assert.Equal(FeedPollStatus.Read, result.Status);
        Assert.Equal(["urn:entry:1", "urn:entry:2"], result.NewItems.Select(i => i.Id));
        Assert.Null(result.NewItems[1].Link); // javascript: links are dropped
        Assert.Contains("@\u200Dteam", result.Issues[1].Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poll_JsonFeed_ContentCannotForgeAHeadingOrAMarker()
    {
        var result = await Poller().PollAsync(Feed("/json", initialItems: 5), null, CancellationToken.None);

        Assert.Equal(2, result.Issues.Count);
        var body = result.Issues.Single(i => i.Title.EndsWith("JSON two", StringComparison.Ordinal)).ToNewIssue().Body;
        Assert.DoesNotContain("\n### Injected", body, StringComparison.Ordinal);
        Assert.True(AutomationMarker.TryParse(body, out var key));
        Assert.Equal(AutomationKinds.FeedItem, key.Kind);
        Assert.StartsWith("news/", key.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/html", "not an RSS 2.0")]
    [InlineData("/json-not-feed", "not a JSON Feed")]
    [InlineData("/dtd", "not a readable feed")]
    [InlineData("/error", "HTTP 503")]
    [InlineData("/huge-declared", "at most 2048 KB")]
    [InlineData("/huge-chunked", "larger than the limit")]
    public async Task Poll_BadFeed_FailsWithAClearMessageAndKeepsTheState(string path, string expected)
    {
        var state = new FeedState("\"old\"", null, ["0123456789abcdef"], null);

        var result = await Poller().PollAsync(Feed(path), state, CancellationToken.None);

        Assert.Equal(FeedPollStatus.Failed, result.Status);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Contains("feed 'news'", result.Error, StringComparison.Ordinal);
        Assert.Equal(state.Seen, result.State.Seen);
        Assert.Equal(state.ETag, result.State.ETag);
        Assert.Equal(clock.GetUtcNow(), result.State.LastPolled);
    }

    [Fact]
    public async Task Poll_ServerNeverAnswers_TimesOutOnTheInjectedClock()
    {
        var poll = Poller(new FeedPollerOptions { Timeout = TimeSpan.FromSeconds(20) }).PollAsync(Feed("/hang"), null, CancellationToken.None);
        while (server.Requests.GetValueOrDefault("/hang") == 0)
        {
            await Task.Yield();
        }

        clock.Advance(TimeSpan.FromSeconds(21));
        var result = await poll.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(FeedPollStatus.Failed, result.Status);
        Assert.Contains("no complete answer within 20 s", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poll_CapPerPoll_LeavesTheRestForTheNextPollAndDropsValidators()
    {
        server.SetRss(("c-1", "One"));
        var feed = new FeedDefinition("rss", server.Url("/rss"), TimeSpan.FromHours(1), Template) { MaxItemsPerPoll = 1 };
        var seeded = await Poller().PollAsync(feed, null, CancellationToken.None);
        server.SetRss(("c-3", "Three"), ("c-2", "Two"), ("c-1", "One"));

        var capped = await Poller().PollAsync(feed, seeded.State, CancellationToken.None);
        var rest = await Poller().PollAsync(feed, capped.State, CancellationToken.None);

        Assert.Equal(["Two"], capped.NewItems.Select(i => i.Title));
        Assert.Null(capped.State.ETag);
        Assert.Equal(["Three"], rest.NewItems.Select(i => i.Title));
    }
}
