using BusinessOps.Core.Ports;

namespace BusinessOps.GitHub;

/// <summary>Team memberships for approval roles naming <c>org/team</c> (needs a token that may read the organisation's teams).</summary>
public sealed partial class GitHubIssueStore : ITeamDirectory
{
    public async Task<IReadOnlyList<string>?> GetTeamMembersAsync(string team, CancellationToken cancellationToken)
    {
        var slash = team.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == team.Length - 1)
        {
            return null;
        }

        var members = await _client.ListTeamMembersAsync(team[..slash], team[(slash + 1)..], cancellationToken);
        return members?.Select(m => m.Login).ToList();
    }
}
