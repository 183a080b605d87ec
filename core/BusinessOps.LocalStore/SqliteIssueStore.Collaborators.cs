using BusinessOps.Core.Ports;

namespace BusinessOps.LocalStore;

/// <summary>Collaborators and their permission levels: what GitHub's collaborator permission API answers.</summary>
public sealed partial class SqliteIssueStore
{
    /// <inheritdoc />
    public Task<RepositoryPermission> GetPermissionAsync(string login, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(login))
        {
            return Task.FromResult(RepositoryPermission.None);
        }

        return ReadAsync(
            tx => Permissions.Parse(tx.Scalar("SELECT permission FROM collaborators WHERE login = $login;", ("$login", login.Trim())) as string),
            cancellationToken);
    }

    /// <summary>
    /// Makes <paramref name="login"/> a collaborator with <paramref name="permission"/> (replacing any earlier level);
    /// <see cref="RepositoryPermission.None"/> removes them.
    /// </summary>
    public Task SetPermissionAsync(string login, RepositoryPermission permission, CancellationToken cancellationToken)
    {
        var clean = InputGuard.Login(login, "collaborator");
        if (!Enum.IsDefined(permission))
        {
            throw InputGuard.Invalid($"'{permission}' is not a permission; use read, triage, write, maintain or admin.");
        }

        return WriteAsync(
            tx => permission == RepositoryPermission.None
                ? tx.Execute("DELETE FROM collaborators WHERE login = $login;", ("$login", clean))
                : tx.Execute(
                    """
                    INSERT INTO collaborators (login, permission) VALUES ($login, $permission)
                    ON CONFLICT (login) DO UPDATE SET login = excluded.login, permission = excluded.permission;
                    """,
                    ("$login", clean),
                    ("$permission", Permissions.ToText(permission))),
            cancellationToken);
    }

    /// <summary>Every collaborator with their permission, ordered by login.</summary>
    public Task<IReadOnlyList<Collaborator>> ListCollaboratorsAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<Collaborator>>(
            tx =>
            {
                var list = new List<Collaborator>();
                using var command = tx.Command("SELECT login, permission FROM collaborators ORDER BY login COLLATE NOCASE;");
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    list.Add(new Collaborator(reader.GetString(0), Permissions.Parse(reader.GetString(1))));
                }

                return list;
            },
            cancellationToken);
}
