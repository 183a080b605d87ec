namespace BusinessOps.Core.Labels;

/// <summary>
/// Reads one answer of a GitHub issue-form body: the first non-blank line under a <c>### Heading</c> line (the heading
/// alone on its line, case-insensitive). Nothing is evaluated; <c>_No response_</c> is no answer.
/// </summary>
public static class FormAnswer
{
    private const string NoResponse = "_No response_";

    /// <summary>The first line answering <paramref name="heading"/> (without <c>###</c>), trimmed; null when there is none.</summary>
    public static string? FirstLine(string body, string heading)
    {
        var text = body.AsSpan();
        var marker = "### " + heading;
        var from = 0;
        while (from < text.Length)
        {
            var at = text[from..].IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return null;
            }

            at += from;
            var lineEnd = text[at..].IndexOfAny('\r', '\n');
            var line = lineEnd < 0 ? text[at..] : text.Slice(at, lineEnd);
            var startsLine = at == 0 || text[at - 1] is '\n' or '\r';
            if (startsLine && line[marker.Length..].Trim().IsEmpty)
            {
                if (lineEnd < 0)
                {
                    return null;
                }

                var answer = First(text[(at + lineEnd)..]);
                return answer.IsEmpty || answer.Equals(NoResponse, StringComparison.OrdinalIgnoreCase) ? null : answer.ToString();
            }

            from = at + marker.Length;
        }

        return null;
    }

    private static ReadOnlySpan<char> First(ReadOnlySpan<char> rest)
    {
        var start = rest.IndexOfAnyExcept(" \t\r\n");
        if (start < 0 || rest[start..].StartsWith("###", StringComparison.Ordinal))
        {
            return [];
        }

        var line = rest[start..];
        var end = line.IndexOfAny('\r', '\n');
        return (end < 0 ? line : line[..end]).Trim();
    }
}
