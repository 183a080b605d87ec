using BusinessOps.Core.Ports;

namespace BusinessOps.LocalStore;

/// <summary>GitHub's role names as stored in the <c>collaborators</c> table.</summary>
internal static class Permissions
{
    public static string ToText(RepositoryPermission permission) => permission switch
    {
        RepositoryPermission.Read => "read",
        RepositoryPermission.Triage => "triage",
        RepositoryPermission.Write => "write",
        RepositoryPermission.Maintain => "maintain",
        RepositoryPermission.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(permission), permission, "Only real roles are stored; None means 'not a collaborator'."),
    };

    /// <summary>Unknown text (a hand-edited file) counts as no permission: fail closed.</summary>
    public static RepositoryPermission Parse(string? text) => text switch
    {
        "read" => RepositoryPermission.Read,
        "triage" => RepositoryPermission.Triage,
        "write" => RepositoryPermission.Write,
        "maintain" => RepositoryPermission.Maintain,
        "admin" => RepositoryPermission.Admin,
        _ => RepositoryPermission.None,
    };
}
