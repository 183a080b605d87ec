using System.Text.RegularExpressions;

namespace BusinessOps.Policies.Validation;

/// <summary>Shapes of GitHub logins, teams and policy role names, checked so a typo fails at load, not at approval time.</summary>
internal static partial class GitHubNames
{
    /// <summary>Null when <paramref name="member"/> is a login or <c>org/team</c>, otherwise why not.</summary>
    public static string? MemberProblem(string member, bool allowTeams)
    {
        if (member.EndsWith("[bot]", StringComparison.OrdinalIgnoreCase))
        {
            return $"'{member}' is a bot; bots never count as approvers or managers";
        }

        if (Login().IsMatch(member) || (allowTeams && Team().IsMatch(member)))
        {
            return null;
        }

        var shapes = allowTeams ? "a GitHub login (e.g. octocat) or a team as org/team-slug" : "a GitHub login (e.g. octocat)";
        return $"'{member}' is not {shapes}";
    }

    public static bool IsTeam(string member) => member.Contains('/', StringComparison.Ordinal);

    /// <summary>Role names: lowercase words joined by '-', like <c>finance-manager</c>.</summary>
    public static bool IsRoleName(string name) => name.Length <= 50 && Role().IsMatch(name);

    // GitHub: alphanumerics and single hyphens, not at either end, at most 39 characters.
    [GeneratedRegex(@"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$", RegexOptions.CultureInvariant)]
    private static partial Regex Login();

    [GeneratedRegex(@"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[a-z0-9][a-z0-9_-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex Team();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Role();
}
