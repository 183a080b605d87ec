using System.Text.RegularExpressions;
using BusinessOps.Core.Labels;

namespace BusinessOps.Policies.Validation;

/// <summary>
/// Routing label patterns: an exact label <c>family/name</c> or a family <c>family/*</c>; lowercase
/// a-z, 0-9, '-' and '/', at most 50 characters (GitHub's label limit). The coordinator's own families
/// are reserved so a routing rule can never be confused with a status or priority.
/// </summary>
internal static partial class LabelPattern
{
    public const int MaxLength = 50;

    /// <summary>Families the coordinator writes itself.</summary>
    public static IReadOnlyList<string> ReservedFamilies { get; } =
    [
        LabelNames.PriorityPrefix, LabelNames.StatusPrefix, LabelNames.SlaPrefix, LabelNames.AutonomyPrefix,
        LabelNames.ClientPrefix, LabelNames.AgentPrefix, "review/",
    ];

    /// <summary>Null when <paramref name="pattern"/> is valid, otherwise why not (ready for a message).</summary>
    public static string? Problem(string pattern)
    {
        if (pattern.Length > MaxLength)
        {
            return $"label pattern '{pattern[..20]}…' is {pattern.Length} characters long; GitHub allows at most {MaxLength}";
        }

        if (Shape().IsMatch(pattern))
        {
            foreach (var family in ReservedFamilies)
            {
                if (pattern.StartsWith(family, StringComparison.Ordinal))
                {
                    return $"label pattern '{pattern}' uses the family '{family}', which the coordinator manages itself; routing labels need another family";
                }
            }

            return null;
        }

        var expected = "expected 'family/name' or 'family/*' in lowercase a-z, 0-9, '-' and '/'";
        if (!pattern.Equals(pattern.ToLowerInvariant(), StringComparison.Ordinal))
        {
            return $"label pattern '{pattern}' must be lowercase ('{pattern.ToLowerInvariant()}'); {expected}";
        }

        if (pattern.Contains('*', StringComparison.Ordinal))
        {
            return $"label pattern '{pattern}' has a wildcard in the wrong place; only a whole name may be '*', as in 'family/*'";
        }

        return $"invalid label pattern '{pattern}'; {expected}";
    }

    // family/* or family/name(/more)*, each segment starting with a letter or digit.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]*/(\*|[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
