using System.Buffers;
using System.Text;

namespace BusinessOps.Core.Governance;

/// <summary>
/// Makes untrusted text safe to place inline in a comment we write: no <c>@mention</c> pings (U+200D after every
/// <c>@</c>), no HTML or hidden markers (<c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> escaped), no code spans or escapes
/// (<c>`</c> and <c>\</c> backslash-escaped), one line (line breaks become spaces), bounded length.
/// </summary>
public static class MarkdownSafe
{
    /// <summary>Default bound on the characters of input kept.</summary>
    public const int DefaultMaxLength = 500;

    // Characters that need rewriting; text without them is returned as is (no allocation).
    private static readonly SearchValues<char> Special = SearchValues.Create("@<>&`\\\r\n\t");

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
                case '\r':
                case '\n':
                case '\t':
                    sb.Append(' ');
                    break;
                default:
                    sb.Append(ch);
                    break;
            }
        }
    }
}
