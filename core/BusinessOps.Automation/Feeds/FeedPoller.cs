using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using BusinessOps.Automation.Issues;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Time;

namespace BusinessOps.Automation.Feeds;

/// <summary>
/// Polls one feed with a conditional GET (<c>If-None-Match</c> / <c>If-Modified-Since</c> from the last poll, so an
/// unchanged feed costs one 304 and no body), within a size cap and a timeout, and returns one issue per entry not
/// seen before. Never throws for the feed's faults: every failure is a <see cref="FeedPollStatus.Failed"/> result
/// with a message, and the previous state is kept so nothing is lost or repeated.
/// </summary>
public sealed class FeedPoller(HttpClient http, TimeProvider time, FeedPollerOptions? options = null)
{
    private readonly FeedPollerOptions options = options ?? new FeedPollerOptions();

    public async Task<FeedPollResult> PollAsync(FeedDefinition feed, FeedState? state, CancellationToken cancellationToken)
    {
        var before = state ?? FeedState.New;
        var now = time.GetUtcNow();
        var firstRead = state is null || state.NotYetRead;
        var polled = before with { LastPolled = now, NotYetRead = firstRead };
        using var timeout = new CancellationTokenSource(options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, feed.Url);
            request.Headers.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1");
            if (before.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
            {
                request.Headers.IfNoneMatch.Add(tag);
            }

            if (before.LastModified is { } lm && DateTimeOffset.TryParse(lm, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
            {
                request.Headers.IfModifiedSince = since;
            }

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return new FeedPollResult(FeedPollStatus.Unchanged, polled, [], [], null);
            }

            if (!response.IsSuccessStatusCode)
            {
                return Failed(polled, feed, $"the server answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            if (response.Content.Headers.ContentLength is { } length && length > options.MaxBytes)
            {
                return Failed(polled, feed, TooLarge(length));
            }

            var body = await ReadBoundedAsync(response.Content, linked.Token);
            if (body is null)
            {
                return Failed(polled, feed, TooLarge(null));
            }

            var document = FeedParser.Parse(body.Value);
            var validators = polled with
            {
                ETag = response.Headers.ETag?.ToString(),
                LastModified = response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture),
                NotYetRead = false,
            };
            return Select(feed, validators, document, firstRead, now);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Failed(polled, feed, "no complete answer within " + Durations.Words(options.Timeout));
        }
        catch (HttpRequestException ex)
        {
            return Failed(polled, feed, "cannot reach the feed: " + ex.Message);
        }
        catch (FeedFormatException ex)
        {
            return Failed(polled, feed, ex.Message);
        }
    }

    private static FeedPollResult Select(FeedDefinition feed, FeedState validators, FeedDocument document, bool firstPoll, DateTimeOffset now)
    {
        var seen = new HashSet<string>(validators.Seen, StringComparer.Ordinal);
        var unseen = new List<(FeedItem Item, string Hash)>();
        foreach (var item in document.Items)
        {
            var hash = Hash(item.Id);
            if (seen.Add(hash))
            {
                unseen.Add((item, hash));
            }
        }

        // Feeds list newest first; open the oldest new entries first, up to the cap (the rest stay unseen for the next poll).
        var ordered = unseen.OrderBy(u => u.Item.Published ?? DateTimeOffset.MinValue).ToList();
        var limit = firstPoll ? Math.Min(feed.InitialItems, feed.MaxItemsPerPoll) : feed.MaxItemsPerPoll;
        var opened = firstPoll ? ordered.Skip(Math.Max(0, ordered.Count - limit)).ToList() : ordered.Take(limit).ToList();
        var remembered = firstPoll ? unseen : opened;
        var state = validators with
        {
            Seen = [.. remembered.Select(r => r.Hash), .. validators.Seen.Take(FeedState.MaxSeen - remembered.Count)],
        };

        // A capped poll must not store the validators: the next conditional GET would answer 304 and hide the rest.
        if (!firstPoll && opened.Count < unseen.Count)
        {
            state = state with { ETag = null, LastModified = null };
        }

        var issues = opened.Select(o => Issue(feed, o.Item, o.Hash, now)).ToList();
        return new FeedPollResult(FeedPollStatus.Read, state, [.. opened.Select(o => o.Item)], issues, null);
    }

    private static IssueSpec Issue(FeedDefinition feed, FeedItem item, string hash, DateTimeOffset now)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = MarkdownSafe.Inline(item.Title, FeedText.MaxTitleChars),
            ["link"] = item.Link ?? string.Empty,
            ["published"] = item.Published?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "unknown",
            ["summary"] = MarkdownSafe.Inline(item.Summary, FeedText.MaxSummaryChars),
            ["feed"] = feed.Id,
            ["client"] = feed.Client ?? string.Empty,
            ["date"] = now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return feed.Template.Render(values, feed.Client, new AutomationKey(AutomationKinds.FeedItem, feed.Id + "/" + hash));
    }

    /// <summary>The stored form of an entry id: 16 hex digits, so the ledger stays small whatever the ids look like.</summary>
    public static string Hash(string id) => StableHash.Hash64(id).ToString("x16", CultureInfo.InvariantCulture);

    private async Task<ReadOnlyMemory<byte>?> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var copy = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            copy.Write(buffer, 0, read);
            if (copy.Length > options.MaxBytes)
            {
                return null;
            }
        }

        return copy.GetBuffer().AsMemory(0, (int)copy.Length);
    }

    private string TooLarge(long? length) =>
        (length is { } l ? $"the feed is {l / 1024} KB" : "the feed is larger than the limit")
        + $"; at most {options.MaxBytes / 1024} KB is read (real feeds are tens of kilobytes)";

    private static FeedPollResult Failed(FeedState state, FeedDefinition feed, string message) =>
        new(FeedPollStatus.Failed, state, [], [], $"feed '{feed.Id}' ({feed.Url.GetLeftPart(UriPartial.Path)}): {message}");
}
