using System.Security.Cryptography;
using System.Text;

namespace BusinessOps.Aws.Executors;

/// <summary>
/// Batch job names and share identifiers from untrusted text. Job names: only <c>[A-Za-z0-9_-]</c>, at most 128
/// characters, first alphanumeric; we sanitize deterministically and always append a hash of the full key, so two
/// distinct keys never share a name however they sanitize (and the same key always gives the same name).
/// </summary>
public static class BatchJobNames
{
    public const int MaxLength = 128;

    /// <summary>Share identifiers: alphanumeric only, at most 255 characters (fair-share policy rules).</summary>
    public const int MaxShareLength = 255;

    public const string DefaultShare = "default";

    private const int HashChars = 12;

    /// <summary>Longest repository part of a set's name, so agent, size and hash always fit.</summary>
    private const int SetRepositoryChars = 60;

    public static string ForKey(string key)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..HashChars];
        var body = Sanitize(key);
        var room = MaxLength - HashChars - 1;
        if (body.Length > room)
        {
            body = body[..room].TrimEnd('-', '_');
        }

        return body + "-" + hash;
    }

    /// <summary>
    /// What every set job of <paramref name="repository"/> is named with first, so one ListJobs (JOB_NAME filter ending in
    /// '*') finds them all: the repository, sanitized and cut to 60 characters, then <c>-set-</c>.
    /// </summary>
    public static string SetPrefix(string repository)
    {
        var body = Sanitize(repository);
        return (body.Length > SetRepositoryChars ? body[..SetRepositoryChars].TrimEnd('-', '_') : body) + "-set-";
    }

    /// <summary>
    /// A set's job name: <see cref="SetPrefix"/>, the agent, the number of issues and a hash of their keys (in any order),
    /// so the same set always gets the same name and resubmitting it finds the job already there.
    /// </summary>
    public static string ForSet(string repository, string agent, IReadOnlyCollection<string> keys)
    {
        var joined = string.Join('\n', keys.Order(StringComparer.Ordinal));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)))[..HashChars];
        var name = SetPrefix(repository) + Sanitize(agent).Trim('-') + "-" + keys.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + hash;
        return name.Length <= MaxLength ? name : name[..(MaxLength - HashChars - 1)].TrimEnd('-', '_') + "-" + hash;
    }

    private static string Sanitize(string text)
    {
        var sb = new StringBuilder(Math.Min(text.Length, MaxLength));
        var previousDash = false;
        foreach (var c in text)
        {
            var keep = char.IsAsciiLetterOrDigit(c) || c == '_';
            if (keep)
            {
                sb.Append(c);
                previousDash = false;
            }
            else if (!previousDash)
            {
                // '-' kept as is and every other character (/, #, spaces, unicode) become one '-': readable and stable.
                sb.Append('-');
                previousDash = true;
            }
        }

        var body = sb.ToString().Trim('-', '_');
        return body.Length == 0 || !char.IsAsciiLetterOrDigit(body[0]) ? "k" + body : body;
    }

    /// <summary>True when <paramref name="name"/> satisfies Batch's job-name rule.</summary>
    public static bool IsValid(string name) =>
        name.Length is > 0 and <= MaxLength && char.IsAsciiLetterOrDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The tenant (<c>client/*</c> id) as a fair-share identifier; <c>default</c> when there is none or nothing survives.</summary>
    public static string ShareFor(string? tenant)
    {
        if (string.IsNullOrWhiteSpace(tenant))
        {
            return DefaultShare;
        }

        var kept = new string([.. tenant.Where(char.IsAsciiLetterOrDigit)]);
        return kept.Length == 0 ? DefaultShare : kept.Length > MaxShareLength ? kept[..MaxShareLength] : kept;
    }
}
