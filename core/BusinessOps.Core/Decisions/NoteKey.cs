using System.Globalization;
using BusinessOps.Core.Governance;

namespace BusinessOps.Core.Decisions;

/// <summary>
/// Keys of one-off notes (<c>kind:detail</c>), written into a hidden marker. A detail built from user text (labels) may
/// hold anything — <c>--&gt;</c>, <c>@</c>, HTML — so a detail that is not plainly safe is replaced by its stable hash:
/// the marker can never be closed early, mention anyone or change between passes.
/// </summary>
internal static class NoteKey
{
    /// <summary>The key for <paramref name="kind"/> (a constant of ours) and <paramref name="detail"/> (any text).</summary>
    public static string For(string kind, string detail) =>
        kind + ":" + (IsSafe(detail) ? detail : "h" + StableHash.Hash64(detail).ToString("x16", CultureInfo.InvariantCulture));

    /// <summary>Letters, digits and <c>/ _ . : + # -</c>, at most 200 characters, never two hyphens in a row.</summary>
    private static bool IsSafe(string detail)
    {
        if (detail.Length > 200)
        {
            return false;
        }

        for (var i = 0; i < detail.Length; i++)
        {
            var c = detail[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '.' or ':' or '+' or '#')
            {
                continue;
            }

            if (c != '-' || (i > 0 && detail[i - 1] == '-'))
            {
                return false;
            }
        }

        return true;
    }
}
