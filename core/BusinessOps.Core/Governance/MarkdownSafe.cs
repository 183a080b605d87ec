using System.Buffers;
using System.Text;

namespace BusinessOps.Core.Governance;

/// <summary>
/// Makes untrusted text safe to place inline in a comment we write, including a table cell: no <c>@mention</c> pings
/// (U+200D after every <c>@</c>), no HTML or hidden markers (<c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> escaped), no code
/// spans, escapes or broken table rows (<c>`</c>, <c>\</c>, <c>|</c> backslash-escaped), one line (line breaks and tabs
/// become spaces), no control characters or bidirectional overrides (removed), bounded length.
/// </summary>
public static class MarkdownSafe
{
    /// <summary>Default bound on the characters of input kept.</summary>
    public const int DefaultMaxLength = 500;

    // Characters that need rewriting or removing; text without them is returned as is (no allocation).
    private static readonly SearchValues<char> Special = SearchValues.Create(BuildSpecial());

    /// <summary>The neutralized, single-line form of <paramref name="text"/>; cut to <paramref name="maxLength"/> input characters with an ellipsis.</summary>
    public static string Inline(string? text, int maxLength = DefaultMaxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var span = text.AsSpan();
        var cut = span.Length > maxLength;
        if (cut)
        {
            span = span[..Math.Max(0, maxLength)];
            if (!span.IsEmpty && char.IsHighSurrogate(span[^1]))
            {
                span = span[..^1]; // never split a surrogate pair
            }
        }

        if (span.IndexOfAny(Special) < 0 && !cut)
        {
            return text;
        }

        var sb = new StringBuilder(span.Length + 16);
        Append(sb, span);
        if (cut)
        {
            sb.Append('…');
        }

        return sb.ToString();
    }

    /// <summary>Appends the neutralized form of <paramref name="text"/> (no length bound).</summary>
    public static void Append(StringBuilder sb, ReadOnlySpan<char> text)
    {
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '@':
                    sb.Append("@\u200D");
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '&':
                    sb.Append("&amp;");
                    break;
                case '`':
                    sb.Append("\\`");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '|':
                    sb.Append("\\|");
                    break;
                case '\r':
                case '\n':
                case '\t':
                    sb.Append(' ');
                    break;
                default:
                    if (!IsRemoved(ch))
                    {
                        sb.Append(ch);
                    }

                    break;
            }
        }
    }

    // Control characters, and the bidirectional embeddings, overrides and isolates that can make text display
    // differently from what it says.
    private static bool IsRemoved(char ch) =>
        char.IsControl(ch) || ch is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static string BuildSpecial()
    {
        var sb = new StringBuilder("@<>&`\\|");
        for (var ch = '\0'; ch < '\u2070'; ch++)
        {
            if (IsRemoved(ch))
            {
                sb.Append(ch);
            }
        }

        return sb.ToString();
    }
}
