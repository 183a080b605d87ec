using BusinessOps.Core.Ports;

namespace BusinessOps.GitHub;

/// <summary>
/// Team memberships for approval roles naming <c>org/team</c>: needs a token that may read the organisation's teams
/// (a GitHub App's is a separate token narrowed to <c>members: read</c>, asked for only when a team is looked up).
/// </summary>
public sealed partial class GitHubIssueStore : ITeamDirectory
{
    public async Task<IReadOnlyList<string>?> GetTeamMembersAsync(string team, CancellationToken cancellationToken)
    {
        var slash = team.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == team.Length - 1)
        {
            return null;
        }

        var members = await _api.ListTeamMembersAsync(team[..slash], team[(slash + 1)..], cancellationToken);
        return members?.Select(m => m.Login).ToList();
    }
}
