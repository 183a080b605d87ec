using System.Security.Cryptography;
using System.Text;

namespace BusinessOps.Core.Governance;

/// <summary>
/// The identity of a plan: approvals count only for the plan whose hash the status comment shows.
/// SHA-256 of the UTF-8 text after normalizing line endings (CRLF, CR → LF), trailing whitespace on every line and
/// trailing blank lines; the first <see cref="Length"/> lowercase hex characters.
/// </summary>
public static class PlanHash
{
    /// <summary>Hex characters kept (48 bits: ample for telling one issue's plans apart).</summary>
    public const int Length = 12;

    /// <summary>The plan's hash, e.g. <c>3f2a9c01b7de</c>.</summary>
    public static string Compute(string planText)
    {
        var normalized = Normalize(planText);
        var bytes = Encoding.UTF8.GetBytes(normalized);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, digest);
        return Convert.ToHexStringLower(digest[..(Length / 2)]);
    }

    /// <summary>The text that is hashed: LF line endings, no trailing whitespace on lines, no trailing blank lines.</summary>
    public static string Normalize(string planText)
    {
        var sb = new StringBuilder(planText.Length);
        var text = planText.AsSpan();
        while (true)
        {
            var end = text.IndexOfAny('\r', '\n');
            var line = end < 0 ? text : text[..end];
            sb.Append(line.TrimEnd());
            if (end < 0)
            {
                break;
            }

            sb.Append('\n');
            var skip = text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1;
            text = text[(end + skip)..];
        }

        var length = sb.Length;
        while (length > 0 && sb[length - 1] == '\n')
        {
            length--;
        }

        return sb.ToString(0, length);
    }
}
