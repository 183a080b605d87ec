using System.Globalization;
using System.Text.Json;

namespace BusinessOps.Automation.Feeds;

/// <summary>JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1): small enough to read with System.Text.Json directly.</summary>
internal static class JsonFeedReader
{
    public static FeedDocument Read(ReadOnlyMemory<byte> content)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            throw new FeedFormatException($"not a readable JSON Feed: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.String
                || version.GetString()?.StartsWith("https://jsonfeed.org/version/", StringComparison.Ordinal) != true)
            {
                throw new FeedFormatException("the document is JSON but not a JSON Feed: it needs \"version\": \"https://jsonfeed.org/version/1.1\"");
            }

            if (!root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                throw new FeedFormatException("the JSON Feed has no \"items\" array");
            }

            var list = new List<FeedItem>();
            foreach (var item in items.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var title = FeedText.Clean(Text(item, "title"), FeedText.MaxTitleChars);
                var link = FeedText.Link(Text(item, "url") ?? Text(item, "external_url"));
                DateTimeOffset? published = DateTimeOffset.TryParse(Text(item, "date_published") ?? Text(item, "date_modified"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;
                var summary = FeedText.Clean(Text(item, "summary") ?? Text(item, "content_text"), FeedText.MaxSummaryChars);
                var id = item.TryGetProperty("id", out var idNode) && idNode.ValueKind is JsonValueKind.String or JsonValueKind.Number ? idNode.ToString() : null;
                list.Add(new FeedItem(FeedText.Id(id, link, title, published), title.Length == 0 ? "(untitled)" : title, link, published, summary.Length == 0 ? null : summary));
            }

            return new FeedDocument(FeedFormat.JsonFeed, FeedText.Clean(Text(root, "title"), FeedText.MaxTitleChars), list);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
