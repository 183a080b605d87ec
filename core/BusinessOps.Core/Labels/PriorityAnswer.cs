namespace BusinessOps.Core.Labels;

/// <summary>
/// The answer to the Priority dropdown of an issue form: the first line under a <c>### Priority</c> heading, read as
/// a priority when it starts with <c>P0</c>…<c>P3</c> (<c>P1</c>, <c>P1 - High</c>, <c>p2</c>). Anything else — no
/// heading, <c>_No response_</c>, free text — is no answer.
/// </summary>
public static class PriorityAnswer
{
    private const string Heading = "### Priority";

    /// <summary>The priority the form answered, or null.</summary>
    public static Priority? Read(string body)
    {
        var text = body.AsSpan();
        var from = 0;
        while (from < text.Length)
        {
            var at = text[from..].IndexOf(Heading, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return null;
            }

            at += from;
            var lineEnd = text[at..].IndexOfAny('\r', '\n');
            var heading = lineEnd < 0 ? text[at..] : text.Slice(at, lineEnd);
            var startsLine = at == 0 || text[at - 1] is '\n' or '\r';
            if (startsLine && heading[Heading.Length..].Trim().IsEmpty)
            {
                return lineEnd < 0 ? null : Parse(FirstLine(text[(at + lineEnd)..]));
            }

            from = at + Heading.Length;
        }

        return null;
    }

    private static ReadOnlySpan<char> FirstLine(ReadOnlySpan<char> rest)
    {
        var start = rest.IndexOfAnyExcept(" \t\r\n");
        if (start < 0)
        {
            return [];
        }

        var line = rest[start..];
        var end = line.IndexOfAny('\r', '\n');
        return end < 0 ? line : line[..end];
    }

    private static Priority? Parse(ReadOnlySpan<char> answer)
    {
        if (answer.Length < 2 || answer[0] is not ('P' or 'p') || answer[1] is < '0' or > '3')
        {
            return null;
        }

        return answer.Length == 2 || !char.IsAsciiLetterOrDigit(answer[2]) ? (Priority)(answer[1] - '0') : null;
    }
}
