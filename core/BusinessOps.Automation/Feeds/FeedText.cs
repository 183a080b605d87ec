using System.Globalization;
using BusinessOps.Core.Governance;

namespace BusinessOps.Automation.Feeds;

/// <summary>Bounds and normalises entry texts and ids once, at the edge.</summary>
internal static class FeedText
{
    public const int MaxTitleChars = 200;
    public const int MaxSummaryChars = 1000;
    public const int MaxIdChars = 500;

    public static string Clean(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var t = text.Trim();
        return t.Length <= max ? t : string.Concat(t.AsSpan(0, max), "…");
    }

    /// <summary>The id to deduplicate by: the entry's own, else its link, else title and date.</summary>
    public static string Id(string? id, string? link, string title, DateTimeOffset? published)
    {
        var own = !string.IsNullOrWhiteSpace(id) ? id.Trim() : !string.IsNullOrWhiteSpace(link) ? link.Trim() : null;
        if (own is not null && own.Length <= MaxIdChars)
        {
            return own;
        }

        var basis = own ?? title + "|" + published?.ToString("O", CultureInfo.InvariantCulture);
        return "hash:" + StableHash.Hash64(basis).ToString("x16", CultureInfo.InvariantCulture);
    }

    /// <summary>Only absolute http(s) links are kept; anything else (javascript:, data:) is dropped.</summary>
    public static string? Link(string? link) =>
        Uri.TryCreate(link?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.OriginalString.Length <= 2000
            ? uri.AbsoluteUri
            : null;
}
