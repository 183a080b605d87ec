using System.Security.Cryptography;
using System.Text;

namespace BusinessOps.Core.Effects;

/// <summary>
/// A secret named without its text, as a <c>github.redact</c> effect carries it (the plan is readable by everyone with
/// access to the repository): the lower-case hex SHA-256 of its UTF-8 bytes and its length in UTF-16 characters
/// (.NET's <see cref="string.Length"/>). <see cref="FindSpans"/> finds where such secrets occur in a text.
/// </summary>
public sealed record SecretFingerprint(string Sha256, int Length)
{
    /// <summary>The fingerprint of <paramref name="secret"/>.</summary>
    public static SecretFingerprint Of(string secret) =>
        new(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), secret.Length);

    /// <summary>
    /// Every span of <paramref name="text"/> that is one of <paramref name="secrets"/>, in order, overlapping spans merged.
    /// Each distinct length is one pass over the text hashing every window of that length (a window never splits a
    /// surrogate pair); GitHub bodies are at most 65,536 characters, so a pass is milliseconds for token-sized secrets.
    /// </summary>
    public static IReadOnlyList<(int Start, int Length)> FindSpans(string text, IEnumerable<SecretFingerprint> secrets)
    {
        var found = new List<(int Start, int Length)>();
        Span<byte> digest = stackalloc byte[32];
        foreach (var group in secrets.Where(s => s.Length > 0 && s.Length <= text.Length).GroupBy(s => s.Length))
        {
            var hashes = group.Select(s => s.Sha256.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
            var length = group.Key;
            var buffer = new byte[Encoding.UTF8.GetMaxByteCount(length)];
            for (var start = 0; start + length <= text.Length; start++)
            {
                var window = text.AsSpan(start, length);
                if (char.IsLowSurrogate(window[0]) || char.IsHighSurrogate(window[^1]))
                {
                    continue;
                }

                var bytes = Encoding.UTF8.GetBytes(window, buffer);
                SHA256.HashData(buffer.AsSpan(0, bytes), digest);
                if (hashes.Contains(Convert.ToHexStringLower(digest)))
                {
                    found.Add((start, length));
                }
            }
        }

        return Merge(found);
    }

    /// <summary><paramref name="text"/> with each of <paramref name="spans"/> (ordered, not overlapping) replaced by <paramref name="replacement"/>.</summary>
    public static string Replace(string text, IReadOnlyList<(int Start, int Length)> spans, string replacement)
    {
        var sb = new StringBuilder(text.Length);
        var position = 0;
        foreach (var (start, length) in spans)
        {
            sb.Append(text, position, start - position).Append(replacement);
            position = start + length;
        }

        return sb.Append(text, position, text.Length - position).ToString();
    }

    private static List<(int Start, int Length)> Merge(List<(int Start, int Length)> spans)
    {
        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var merged = new List<(int Start, int Length)>(spans.Count);
        foreach (var (start, length) in spans)
        {
            if (merged.Count > 0 && start < merged[^1].Start + merged[^1].Length)
            {
                var last = merged[^1];
                merged[^1] = (last.Start, Math.Max(last.Start + last.Length, start + length) - last.Start);
            }
            else
            {
                merged.Add((start, length));
            }
        }

        return merged;
    }
}
