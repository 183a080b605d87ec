namespace BusinessOps.GitHub.Auth;

/// <summary>
/// Body of <c>POST /app/installations/{id}/access_tokens</c>: the token is narrowed to these repositories (by name) and
/// permissions. Octokit's <c>CreateInstallationToken(id)</c> sends no body (a token for everything the installation
/// may do), so this request stays ours; Octokit still sends it and parses the <c>AccessToken</c>.
/// </summary>
internal sealed record InstallationTokenRequest(IReadOnlyList<string> Repositories, TokenPermissions Permissions);
