using System.Buffers;
using System.Text;

namespace BusinessOps.Core.Governance;

/// <summary>
/// The one neutraliser for untrusted text in the comments we write. Every mode: no <c>@mention</c> pings (U+200D after
/// every <c>@</c>), no HTML or hidden markers (<c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> escaped), no <c>${{ }}</c>
/// expression a workflow or template engine could evaluate (U+200B after the <c>$</c>), no control characters or
/// bidirectional overrides (removed). <see cref="Inline"/> also keeps the text on one line and escapes code spans,
/// backslashes and table pipes; <see cref="Block"/> keeps line breaks and the Markdown structure we rendered around it.
/// </summary>
public static class MarkdownSafe
{
    /// <summary>Default bound on the characters of input kept.</summary>
    public const int DefaultMaxLength = 500;

    private const char ZeroWidthJoiner = '\u200D';
    private const char ZeroWidthSpace = '\u200B';

    // Characters that need rewriting or removing; text without them is returned as is (no allocation).
    private static readonly SearchValues<char> Special = SearchValues.Create(BuildSpecial());

    // What Block rewrites or removes: the same, less the structure it keeps.
    private static readonly SearchValues<char> BlockSpecial = SearchValues.Create(BuildSpecial().Where(c => c is not ('\n' or '\t' or '`' or '\\' or '|')).ToArray());

    /// <summary>The neutralized, single-line form of <paramref name="text"/>; cut to <paramref name="maxLength"/> input characters with an ellipsis.</summary>
    public static string Inline(string? text, int maxLength = DefaultMaxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var span = Bounded(text.AsSpan(), maxLength, out var cut);
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

    /// <summary>Appends the neutralized single-line form of <paramref name="text"/> (no length bound).</summary>
    public static void Append(StringBuilder sb, ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            switch (ch)
            {
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
                    AppendCommon(sb, text, i);
                    break;
            }
        }
    }

    /// <summary>
    /// The neutralized form of a multi-line Markdown document we assembled around untrusted text (a result report):
    /// line breaks, tabs, pipes, backticks and backslashes stay, so our own tables and lists still render; CR is dropped.
    /// Idempotent: text it neutralized before (<c>&amp;lt;</c>, <c>@</c> + U+200D) passes through unchanged.
    /// </summary>
    public static string Block(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var span = text.AsSpan();
        if (span.IndexOfAny(BlockSpecial) < 0)
        {
            return text;
        }

        var sb = new StringBuilder(span.Length + 16);
        for (var i = 0; i < span.Length; i++)
        {
            var ch = span[i];
            if (ch is '\n' or '\t' or '`' or '\\' or '|')
            {
                sb.Append(ch);
            }
            else if (ch == '&' && Entity(span[i..]) is { } entity)
            {
                // Already neutralized (a value a comment template escaped): kept, so the finished comment going through
                // Block again does not show "&amp;gt;". An entity only ever renders as its character, never as markup.
                sb.Append(span.Slice(i, entity.Length));
                i += entity.Length - 1;
            }
            else if (ch == '@' && i + 1 < span.Length && span[i + 1] == ZeroWidthJoiner)
            {
                sb.Append('@');
            }
            else
            {
                AppendCommon(sb, span, i);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// One Markdown table cell of untrusted text: single line, backslashes and pipes escaped so the row cannot break,
    /// bounded to <paramref name="max"/> characters. Structure only — the finished document goes through <see cref="Block"/>.
    /// </summary>
    public static string Cell(string? untrusted, int max = 200)
    {
        var span = Bounded((untrusted ?? string.Empty).AsSpan(), max, out var cut);
        var sb = new StringBuilder(span.Length + 8);
        foreach (var ch in span)
        {
            _ = ch switch
            {
                '\r' or '\n' => sb.Append(' '),
                '\\' => sb.Append("\\\\"),
                '|' => sb.Append("\\|"),
                _ => sb.Append(ch),
            };
        }

        return cut ? sb.Append('…').ToString() : sb.ToString();
    }

    /// <summary>
    /// Text for a terminal, from text written for a comment (or from raw text): the entities and Markdown escapes this
    /// class adds are undone — a terminal shows <c>&amp;amp;</c> literally — while control characters and bidirectional
    /// overrides stay removed, so nothing can move the cursor or reorder what a person reads; line breaks become spaces.
    /// </summary>
    public static string ToPlain(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length);
        var span = text.AsSpan();
        for (var i = 0; i < span.Length; i++)
        {
            var ch = span[i];
            var rest = span[i..];
            if (ch == '&' && Entity(rest) is { } entity)
            {
                sb.Append(entity.Char);
                i += entity.Length - 1;
            }
            else if (ch == '\\' && rest.Length > 1 && rest[1] is '`' or '\\' or '|')
            {
                sb.Append(rest[1]);
                i++;
            }
            else if (ch is '\n' or '\t' or '\r')
            {
                sb.Append(' ');
            }
            else if (!IsRemoved(ch))
            {
                sb.Append(ch);
            }
        }

        return sb.ToString();
    }

    private static (char Char, int Length)? Entity(ReadOnlySpan<char> text) =>
        text.StartsWith("&amp;", StringComparison.Ordinal) ? ('&', 5)
        : text.StartsWith("&lt;", StringComparison.Ordinal) ? ('<', 4)
        : text.StartsWith("&gt;", StringComparison.Ordinal) ? ('>', 4)
        : null;

    // The rules every mode shares, for the character at text[i].
    private static void AppendCommon(StringBuilder sb, ReadOnlySpan<char> text, int i)
    {
        var ch = text[i];
        switch (ch)
        {
            case '@':
                sb.Append('@').Append(ZeroWidthJoiner);
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
            case '$' when i + 2 < text.Length && text[i + 1] == '{' && text[i + 2] == '{':
                sb.Append('$').Append(ZeroWidthSpace);
                break;
            default:
                if (!IsRemoved(ch))
                {
                    sb.Append(ch);
                }

                break;
        }
    }

    private static ReadOnlySpan<char> Bounded(ReadOnlySpan<char> span, int maxLength, out bool cut)
    {
        cut = span.Length > maxLength;
        if (!cut)
        {
            return span;
        }

        span = span[..Math.Max(0, maxLength)];
        return !span.IsEmpty && char.IsHighSurrogate(span[^1]) ? span[..^1] : span; // never split a surrogate pair
    }

    // Control characters, and the bidirectional embeddings, overrides and isolates that can make text display
    // differently from what it says.
    internal static bool IsRemoved(char ch) =>
        char.IsControl(ch) || ch is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static string BuildSpecial()
    {
        var sb = new StringBuilder("@<>&`\\|$");
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
