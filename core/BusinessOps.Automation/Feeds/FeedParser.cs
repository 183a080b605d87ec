namespace BusinessOps.Automation.Feeds;

/// <summary>Reads RSS 2.0, Atom 1.0 or JSON Feed from bytes, telling them apart by content (not by the server's content type).</summary>
public static class FeedParser
{
    /// <summary>The feed in <paramref name="content"/>; throws <see cref="FeedFormatException"/> with what was found instead.</summary>
    public static FeedDocument Parse(ReadOnlyMemory<byte> content)
    {
        var span = content.Span;
        var start = 0;
        if (span.StartsWith("\uFEFF"u8))
        {
            start = 3;
        }

        while (start < span.Length && span[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        if (start == span.Length)
        {
            throw new FeedFormatException("the response is empty, not a feed");
        }

        return span[start] switch
        {
            (byte)'{' => JsonFeedReader.Read(content[start..]),
            (byte)'<' => ReadXml(content),
            _ => throw new FeedFormatException("the response is neither XML (RSS, Atom) nor JSON (JSON Feed)"),
        };
    }

    private static FeedDocument ReadXml(ReadOnlyMemory<byte> content)
    {
        using var stream = new MemoryStream(content.ToArray(), writable: false);
        return XmlFeedReader.Read(stream, maxCharacters: Math.Max(1024, content.Length * 2L));
    }
}
