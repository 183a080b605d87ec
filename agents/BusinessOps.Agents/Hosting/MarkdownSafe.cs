using System.Text;

namespace BusinessOps.Agents.Hosting;

/// <summary>
/// Makes untrusted text safe to post in a GitHub comment: no <c>@mention</c> pings (a zero-width joiner
/// follows every <c>@</c>), no active HTML (angle brackets become entities, so no tag and no
/// <c>&lt;!-- businessops:</c> marker can be opened or closed), and <c>${{ }}</c> expressions broken by a
/// zero-width space so no template or workflow engine ever evaluates them.
/// </summary>
internal static class MarkdownSafe
{
    private const char ZeroWidthJoiner = '\u200D';
    private const char ZeroWidthSpace = '\u200B';

    public static string Text(string? untrusted)
    {
        if (string.IsNullOrEmpty(untrusted))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(untrusted.Length + 16);
        for (var i = 0; i < untrusted.Length; i++)
        {
            var c = untrusted[i];
            switch (c)
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
                case '$' when i + 2 < untrusted.Length && untrusted[i + 1] == '{' && untrusted[i + 2] == '{':
                    sb.Append('$').Append(ZeroWidthSpace);
                    break;
                case '\0':
                    // NUL bytes are dropped: GitHub rejects them and they only ever come from binary junk.
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>One Markdown table cell: single line, pipes escaped, bounded (neutralize the finished comment with <see cref="Text"/>).</summary>
    public static string Cell(string? untrusted, int max = 200)
    {
        var oneLine = (untrusted ?? string.Empty).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        if (oneLine.Length > max)
        {
            oneLine = oneLine[..max] + "…";
        }

        // Not neutralized here: the whole comment is passed through Text once.
        return oneLine.Replace("|", "\\|", StringComparison.Ordinal);
    }
}
