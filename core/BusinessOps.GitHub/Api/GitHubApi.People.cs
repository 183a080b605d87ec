using BusinessOps.GitHub.Errors;
using Octokit;

namespace BusinessOps.GitHub.Api;

/// <summary>Who is who: the authenticated user or App, collaborator permissions, team members, reactions.</summary>
internal sealed partial class GitHubApi
{
    /// <summary>The user's permission, or null when GitHub says they are not a collaborator (404).</summary>
    public async Task<CollaboratorPermissionResponse?> GetPermissionAsync(string login, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(() => _client.Repository.Collaborator.ReviewPermission(_options.Owner, _options.Repository, Uri.EscapeDataString(login)), "GET /repos/" + Repository + "/collaborators/" + login + "/permission", cancellationToken);
        }
        catch (GitHubNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// A team's members, or null when the token may not read the team (404/403): then it matches nobody. Ours (through
    /// Octokit's paging): Octokit 14 lists members only by numeric team id (<c>GET /teams/{id}/members</c>, deprecated by
    /// GitHub), which would cost a second request to resolve the slug.
    /// </summary>
    public async Task<IReadOnlyList<User>?> ListTeamMembersAsync(string org, string slug, CancellationToken cancellationToken)
    {
        var uri = new Uri("orgs/" + Uri.EscapeDataString(org) + "/teams/" + Uri.EscapeDataString(slug) + "/members", UriKind.Relative);
        try
        {
            return await RunAsync(() => new ApiConnection(_teamClient.Value.Connection).GetAll<User>(uri, AllPages), "GET /" + uri, cancellationToken);
        }
        catch (Exception ex) when (ex is GitHubNotFoundException or GitHubUnauthorizedException or GitHubValidationException)
        {
            // 422 is an App that was not granted members: read (its team token cannot be issued).
            return null;
        }
    }

    /// <summary>Adds a reaction to an issue comment; GitHub answers 200 for one that already exists, so it is idempotent.</summary>
    public Task AddReactionAsync(long commentId, ReactionType reaction, CancellationToken cancellationToken) =>
        RunAsync(() => _client.Reaction.IssueComment.Create(_options.Owner, _options.Repository, commentId, new NewReaction(reaction)), "POST /repos/" + Repository + "/issues/comments/" + commentId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/reactions", cancellationToken);

    public Task<User> GetAuthenticatedUserAsync(CancellationToken cancellationToken) =>
        RunAsync(() => _client.User.Current(), "GET /user", cancellationToken);

    /// <summary>The App (<c>GET /app</c> with its JWT); GitHub's description allows a null body, then the result is null.</summary>
    public Task<GitHubApp?> GetAppAsync(CancellationToken cancellationToken) =>
        RunAsync<GitHubApp?>(async () => await _appClient!.GitHubApps.GetCurrent(), "GET /app", cancellationToken);
}
