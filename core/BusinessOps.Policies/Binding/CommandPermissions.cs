using BusinessOps.Core.Ports;
using BusinessOps.Policies.Validation;
using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Binding;

/// <summary>
/// <c>commands: {approve: write, …}</c>: the nine original slash commands, each with a permission above none, and
/// optionally <c>effect</c> (<c>/effect e2 done|not-done</c>), which needs write when it is not listed — files written
/// before the command existed stay valid.
/// </summary>
internal static class CommandPermissions
{
    /// <summary>The slash commands the coordinator understands.</summary>
    public static IReadOnlyList<string> Names { get; } = ["approve", "reject", "retry", "hold", "unhold", "cancel", "priority", "escalate", "agent"];

    /// <summary>Commands that may be listed but need not be (their default applies when absent).</summary>
    public static IReadOnlyList<string> Optional { get; } = ["effect"];

    public static Dictionary<string, RepositoryPermission>? Read(ValueReader read, YamlValue node)
    {
        if (MapReader.Open(read.Diagnostics, node, "commands", [.. Names, .. Optional]) is not { } map)
        {
            return null;
        }

        var result = new Dictionary<string, RepositoryPermission>(StringComparer.OrdinalIgnoreCase);
        var missing = Names.Where(n => map.Get(n) is null).ToList();
        if (missing.Count > 0)
        {
            read.Diagnostics.Error(map.Map, $"'commands' must set a permission for every command; missing: {string.Join(", ", missing)}");
        }

        foreach (var entry in map.Entries)
        {
            var name = entry.Key.Value;
            if (entry.Value is YamlText { IsNull: true } || read.Choice(entry.Value, name, PolicyChoices.Permission) is not { } permission)
            {
                continue;
            }

            // 'none' would let anyone on GitHub steer the issue, including strangers on a public repository.
            if (permission == RepositoryPermission.None)
            {
                read.Diagnostics.Error(entry.Value, $"command '{name}' cannot be open to everyone ('none'); expected one of read, triage, write, maintain, admin");
                continue;
            }

            result[name] = permission;
        }

        return result;
    }
}
