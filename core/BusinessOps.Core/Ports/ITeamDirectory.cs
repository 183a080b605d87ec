namespace BusinessOps.Core.Ports;

/// <summary>
/// Optional port: team memberships for approval roles that name <c>org/team</c>. A store that can read teams
/// (GitHub, with a token allowed to) implements it; elsewhere team entries match nobody.
/// </summary>
public interface ITeamDirectory
{
    /// <summary>Members' logins of <paramref name="team"/> (<c>org/slug</c>), or null when the team cannot be read.</summary>
    Task<IReadOnlyList<string>?> GetTeamMembersAsync(string team, CancellationToken cancellationToken);
}
