using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BusinessOps.Core.Effects;

namespace BusinessOps.GitHub.Effects;

/// <summary>
/// Branch names for <c>github.pull-request</c>: the one the plan names, or one derived from the effect's key
/// (<c>businessops/12-e3-4f1c2a9b0d</c>: the issue, the effect's index and a hash of the whole key, always a valid ref).
/// Ownership is proven by the branch's commit carrying the key (<see cref="Trailer"/>), not by the name.
/// </summary>
internal static class BranchNames
{
    /// <summary>The commit-message trailer naming the effect that created a branch's commit.</summary>
    public const string TrailerName = "BusinessOps-Effect";

    public static string ForKey(EffectKey key)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())))[..10];
        return string.Create(CultureInfo.InvariantCulture, $"businessops/{key.Attempt.Issue}-e{key.Index}-{hash}");
    }

    /// <summary>The trailer line for <paramref name="key"/>: <c>BusinessOps-Effect: acme/ops#12/a1/execute/e3</c>.</summary>
    public static string Trailer(string key) => TrailerName + ": " + key;

    /// <summary>True when <paramref name="message"/> has the trailer of exactly <paramref name="key"/> on a line of its own.</summary>
    public static bool HasTrailer(string? message, string key) =>
        message is not null && message.ReplaceLineEndings("\n").Split('\n').Any(line => string.Equals(line.Trim(), Trailer(key), StringComparison.Ordinal));

    /// <summary>
    /// Why <paramref name="branch"/> is not a branch name Git accepts (<c>git check-ref-format</c>'s rules for the
    /// characters the schema allows), or null.
    /// </summary>
    public static string? Problem(string branch)
    {
        if (branch.Split('/').Any(part => part.Length == 0 || part[0] == '.' || part.EndsWith(".lock", StringComparison.Ordinal)))
        {
            return "no part of it may be empty, start with '.' or end with '.lock'";
        }

        return branch.EndsWith('.') || branch.Contains("..", StringComparison.Ordinal) || branch == "HEAD"
            ? "it may not end with '.', contain '..' or be HEAD"
            : null;
    }
}
