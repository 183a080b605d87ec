using System.ServiceModel.Syndication;
using System.Xml;

namespace BusinessOps.Automation.Feeds;

/// <summary>
/// RSS 2.0 and Atom 1.0 through System.ServiceModel.Syndication, over an <see cref="XmlReader"/> that refuses
/// DTDs (so no entity expansion and no external entities) and resolves nothing. Unreadable dates do not reject
/// the feed; the entry just has no date.
/// </summary>
internal static class XmlFeedReader
{
    public static FeedDocument Read(Stream content, long maxCharacters)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = maxCharacters,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };

        try
        {
            using var reader = XmlReader.Create(content, settings);
            reader.MoveToContent();
            SyndicationFeedFormatter formatter;
            FeedFormat format;
            if (new Rss20FeedFormatter().CanRead(reader))
            {
                (formatter, format) = (new Rss20FeedFormatter(), FeedFormat.Rss);
            }
            else if (new Atom10FeedFormatter().CanRead(reader))
            {
                (formatter, format) = (new Atom10FeedFormatter(), FeedFormat.Atom);
            }
            else
            {
                throw new FeedFormatException($"the document is XML with a root element <{Shorten(reader.LocalName)}>, not an RSS 2.0 <rss> or Atom <feed>");
            }

            formatter.DateTimeParser = Lenient;
            formatter.ReadFrom(reader);
            var feed = formatter.Feed;
            return new FeedDocument(format, FeedText.Clean(feed.Title?.Text, FeedText.MaxTitleChars), [.. feed.Items.Select(ToItem)]);
        }
        catch (XmlException ex)
        {
            throw new FeedFormatException($"not a readable feed: {ex.Message}", ex);
        }
    }

    private static FeedItem ToItem(SyndicationItem item)
    {
        var title = FeedText.Clean(item.Title?.Text, FeedText.MaxTitleChars);
        var link = FeedText.Link(item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.Uri?.OriginalString);
        DateTimeOffset? published = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime != default ? item.LastUpdatedTime : null;
        var summary = FeedText.Clean(item.Summary?.Text, FeedText.MaxSummaryChars);
        return new FeedItem(FeedText.Id(item.Id, link, title, published), title.Length == 0 ? "(untitled)" : title, link, published, summary.Length == 0 ? null : summary);
    }

    private static bool Lenient(XmlDateTimeData data, out DateTimeOffset value)
    {
        if (!DateTimeOffset.TryParse(data.DateTimeString, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out value))
        {
            value = default;
        }

        return true;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40];
}
