using System.Buffers;
using System.Text;

namespace BusinessOps.Core.Scrubbing;

/// <summary>
/// What happens to every text on its way into an issue store: secrets masked (<see cref="SecretMasker"/>), then the
/// neutralising that is safe on a complete body — NUL removed (GitHub rejects it), bidirectional controls removed (text must
/// read as it says), <c>${{</c> defused with a zero-width space (no workflow or template engine evaluates it). Markdown and
/// markers are left intact, so applying it twice changes nothing.
/// </summary>
public static class StoreText
{
    private const char ZeroWidthSpace = '\u200B';

    private static readonly SearchValues<char> Special = SearchValues.Create("\0$\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    /// <summary>The text as it may be stored: masked with <paramref name="masker"/>, then <see cref="Neutralize"/>d.</summary>
    public static string Scrub(string? text, SecretMasker masker)
    {
        ArgumentNullException.ThrowIfNull(masker);
        return Neutralize(masker.Mask(text ?? string.Empty));
    }

    /// <summary>The whole-text neutralising: NUL and bidirectional controls removed, <c>${{</c> defused.</summary>
    public static string Neutralize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var first = text.AsSpan().IndexOfAny(Special);
        if (first < 0 || (!NeedsWork(text, first)))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        sb.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (IsRemoved(c))
            {
                continue;
            }

            sb.Append(c);
            if (c == '$' && IsExpressionStart(text, i))
            {
                sb.Append(ZeroWidthSpace);
            }
        }

        return sb.ToString();
    }

    private static bool NeedsWork(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (IsRemoved(text[i]) || (text[i] == '$' && IsExpressionStart(text, i)))
            {
                return true;
            }
        }

        return false;
    }

    // "${{" — also when a removed character sits between the braces, since it disappears before anyone reads the text.
    private static bool IsExpressionStart(string text, int dollar)
    {
        var braces = 0;
        for (var j = dollar + 1; j < text.Length && braces < 2; j++)
        {
            if (text[j] == '{')
            {
                braces++;
            }
            else if (!IsRemoved(text[j]))
            {
                return false;
            }
        }

        return braces == 2;
    }

    private static bool IsRemoved(char c) => c == '\0' || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
