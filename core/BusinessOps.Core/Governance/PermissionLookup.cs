using System.Collections.Immutable;
using BusinessOps.Core.Ports;

namespace BusinessOps.Core.Governance;

/// <summary>Case-insensitive lookup in a permission map (GitHub logins are case-insensitive; the shell's map may not be).</summary>
public static class PermissionLookup
{
    /// <summary>The permission of <paramref name="login"/>, when the map knows it.</summary>
    public static bool TryGet(IReadOnlyDictionary<string, RepositoryPermission> permissions, string login, out RepositoryPermission permission)
    {
        if (permissions.TryGetValue(login, out permission))
        {
            return true;
        }

        // A case-insensitive map has already answered; only scan maps that may differ by case.
        if ((permissions is Dictionary<string, RepositoryPermission> d && ReferenceEquals(d.Comparer, StringComparer.OrdinalIgnoreCase))
            || (permissions is ImmutableDictionary<string, RepositoryPermission> i && ReferenceEquals(i.KeyComparer, StringComparer.OrdinalIgnoreCase)))
        {
            return false;
        }

        foreach (var (name, level) in permissions)
        {
            if (string.Equals(name, login, StringComparison.OrdinalIgnoreCase))
            {
                permission = level;
                return true;
            }
        }

        permission = RepositoryPermission.None;
        return false;
    }
}
