namespace BusinessOps.GitHub.Http;

/// <summary>Parses RFC 8288 <c>Link</c> headers as GitHub sends them: <c>&lt;url&gt;; rel="next", &lt;url&gt;; rel="last"</c>.</summary>
public static class LinkHeader
{
    /// <summary>Relation name (lower case) → absolute URL. Malformed parts are skipped; null or empty input gives an empty map.</summary>
    public static IReadOnlyDictionary<string, Uri> Parse(string? header)
    {
        var links = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(header))
        {
            return links;
        }

        var position = 0;
        while (position < header.Length)
        {
            var open = header.IndexOf('<', position);
            if (open < 0)
            {
                break;
            }

            var close = header.IndexOf('>', open + 1);
            if (close < 0)
            {
                break;
            }

            // Parameters run to the next '<' (URLs may legally contain commas, parameters never contain '<').
            var next = header.IndexOf('<', close + 1);
            var parameters = next < 0 ? header[(close + 1)..] : header[(close + 1)..next];
            var url = header[(open + 1)..close].Trim();
            foreach (var rel in Relations(parameters))
            {
                if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
                {
                    links.TryAdd(rel, uri);
                }
            }

            position = next < 0 ? header.Length : next;
        }

        return links;
    }

    private static IEnumerable<string> Relations(string parameters)
    {
        foreach (var part in parameters.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0 || !part[..eq].Trim().Equals("rel", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = part[(eq + 1)..].Trim().TrimEnd(',').Trim().Trim('"');
            foreach (var rel in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                yield return rel.ToLowerInvariant();
            }
        }
    }
}
