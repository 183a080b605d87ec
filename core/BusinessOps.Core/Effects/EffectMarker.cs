using System.Globalization;
using System.Text;

namespace BusinessOps.Core.Effects;

/// <summary>
/// Ties what an effect wrote on a target (a comment, an issue's or pull request's body) to the effect's key with a hidden
/// marker, <c>&lt;!-- businessops:effect KEY --&gt;</c>, so a rerun can ask the target "is it there?". The key is written
/// with every character outside <c>[A-Za-z0-9/#._-]</c> (and a second <c>-</c> in a row) percent-encoded, so it can
/// never end the HTML comment early. Text written next to a marker goes through <see cref="Disarm"/> first, so a marker
/// copied into an agent's text (or a person's, quoted by an agent) cannot pass for ours; readers also trust only
/// markers written by the coordinator's own identity.
/// </summary>
public static class EffectMarker
{
    private const string AnyMarker = "<!-- businessops:";

    /// <summary>The marker of <paramref name="key"/>: <c>&lt;!-- businessops:effect acme/ops#12/a1/execute/e3 --&gt;</c>.</summary>
    public static string Format(string key) => AnyMarker + "effect " + Escape(key) + " -->";

    /// <summary>True when <paramref name="body"/> carries the marker of exactly <paramref name="key"/>.</summary>
    public static bool IsIn(string? body, string key) => body is not null && body.Contains(Format(key), StringComparison.Ordinal);

    /// <summary>
    /// <paramref name="text"/> with every BusinessOps marker opening (<c>&lt;!-- businessops:</c>) turned into visible text
    /// (<c>&amp;lt;!-- businessops:</c>): what it says stays readable, but no reader of markers takes it for one.
    /// </summary>
    public static string Disarm(string text) => text.Replace(AnyMarker, "&lt;!-- businessops:", StringComparison.Ordinal);

    /// <summary><paramref name="text"/> disarmed, then the marker of <paramref name="key"/> on a line of its own at the end.</summary>
    public static string Append(string text, string key)
    {
        var disarmed = Disarm(text).TrimEnd();
        return disarmed.Length == 0 ? Format(key) : disarmed + "\n\n" + Format(key);
    }

    private static string Escape(string key)
    {
        var sb = new StringBuilder(key.Length);
        var previous = '\0';
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in key.EnumerateRunes())
        {
            var c = rune.IsBmp ? (char)rune.Value : '\0';
            if ((char.IsAsciiLetterOrDigit(c) || c is '/' or '#' or '.' or '_' or '-') && !(c == '-' && previous == '-'))
            {
                sb.Append(c);
            }
            else
            {
                var written = rune.EncodeToUtf8(utf8);
                foreach (var b in utf8[..written])
                {
                    sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }

            previous = c;
        }

        return sb.ToString();
    }
}
