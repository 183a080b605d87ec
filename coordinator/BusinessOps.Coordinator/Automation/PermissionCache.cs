using BusinessOps.Core.Governance;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Automation;

/// <summary>
/// Who may act on the automation's issues, asked once per login (and per team) per pass: repository permissions (one
/// request each on GitHub) and membership of the roles of <c>approvals.yml</c> — logins, or <c>org/team</c> entries read
/// where the store can read teams.
/// </summary>
internal sealed class PermissionCache(IIssueStore store, ApprovalPolicy approvals, ITeamDirectory? teams)
{
    private readonly Dictionary<string, RepositoryPermission> _known = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IReadOnlyList<string>?> _teams = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The members of <paramref name="role"/> as <c>approvals.yml</c> lists them (logins and teams); empty when it is not defined.</summary>
    public IReadOnlyList<string> Members(string role) => ApprovalRouter.Members(role, approvals);

    /// <summary>True for collaborators who may approve, reject, retry or cancel: write access or above.</summary>
    public async Task<bool> CanWriteAsync(string login, CancellationToken cancellationToken)
    {
        if (!_known.TryGetValue(login, out var permission))
        {
            permission = await store.GetPermissionAsync(login, cancellationToken);
            _known[login] = permission;
        }

        return permission >= RepositoryPermission.Write;
    }

    /// <summary>True when <paramref name="login"/> is listed in <paramref name="role"/>, by name or through one of its teams.</summary>
    public async Task<bool> InRoleAsync(string login, string role, CancellationToken cancellationToken)
    {
        foreach (var entry in Members(role))
        {
            if (!entry.Contains('/', StringComparison.Ordinal))
            {
                if (string.Equals(entry, login, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                continue;
            }

            if (!_teams.TryGetValue(entry, out var members))
            {
                members = teams is null ? null : await teams.GetTeamMembersAsync(entry, cancellationToken);
                _teams[entry] = members;
            }

            if (members?.Contains(login, StringComparer.OrdinalIgnoreCase) == true)
            {
                return true;
            }
        }

        return false;
    }
}
