using BusinessOps.Policies.Validation;
using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Binding;

/// <summary>Lists of people: GitHub logins (a leading '@' is tolerated) and, where allowed, <c>org/team</c>.</summary>
internal static class Members
{
    public static List<string>? ReadList(ValueReader read, YamlValue node, string key, bool allowTeams)
    {
        if (read.List(node, key) is not { } items)
        {
            return null;
        }

        var members = new List<string>();
        foreach (var item in items)
        {
            if (read.Text(item, key, 140) is not { } text)
            {
                continue;
            }

            // People paste mentions; '@fiona' and 'fiona' mean the same person.
            var member = text.Trim().TrimStart('@');
            if (GitHubNames.MemberProblem(member, allowTeams) is { } problem)
            {
                read.Diagnostics.Error(item, problem);
            }
            else if (members.Contains(member, StringComparer.OrdinalIgnoreCase))
            {
                read.Diagnostics.Error(item, $"'{member}' is listed twice in '{key}'");
            }
            else
            {
                members.Add(member);
            }
        }

        return members;
    }
}
