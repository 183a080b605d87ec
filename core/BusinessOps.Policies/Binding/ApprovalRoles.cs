using BusinessOps.Policies.Validation;
using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Binding;

/// <summary><c>roles: {role-name: [login or org/team, …]}</c>; every role needs at least one member.</summary>
internal static class ApprovalRoles
{
    public static Dictionary<string, IReadOnlyList<string>>? Read(ValueReader read, YamlValue node)
    {
        if (node is not YamlMap map)
        {
            read.Diagnostics.Error(node, $"'roles' must be a mapping of role names to lists of logins; found {node.Describe()}");
            return null;
        }

        var roles = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in map.Entries.Select(e => (e.Key, e.Value)))
        {
            var name = key.Value;
            if (!GitHubNames.IsRoleName(name))
            {
                read.Diagnostics.Error(key, $"role name '{YamlText.Shorten(name)}' must be lowercase a-z, 0-9 and '-' (e.g. finance-manager), at most 50 characters");
                continue;
            }

            if (roles.ContainsKey(name))
            {
                read.Diagnostics.Error(key, $"role '{name}' is defined twice");
                continue;
            }

            var members = Members.ReadList(read, value, name, allowTeams: true);
            if (value is YamlList { Items.Count: 0 })
            {
                read.Diagnostics.Error(value, $"role '{name}' has no members; list at least one login, or remove the role");
            }

            roles[name] = members ?? [];
        }

        return roles;
    }
}
