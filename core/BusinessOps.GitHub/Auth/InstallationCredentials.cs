using BusinessOps.Core.Scrubbing;
using BusinessOps.GitHub.Http;
using Octokit;

namespace BusinessOps.GitHub.Auth;

/// <summary>
/// An installation token for Octokit, narrowed to the repository and <see cref="TokenPermissions"/>: requested with the
/// App's JWT on first use and again 5 minutes before it expires (<see cref="InstallationTokenCache"/>).
/// </summary>
internal sealed class InstallationCredentials(GitHubClient appClient, GitHubAppCredentials app, string repository, TokenPermissions permissions, TimeProvider clock, SecretMasker masker)
    : ICredentialStore, IDisposable
{
    private readonly InstallationTokenCache _cache = new(clock);

    public async Task<Credentials> GetCredentials()
    {
        // Octokit asks without a token; the store call's own token rides along (see AmbientCancellation).
        var token = await _cache.GetAsync(FetchAsync, AmbientCancellation.Current);
        return new Credentials(token, AuthenticationType.Bearer);
    }

    public void Dispose() => _cache.Dispose();

    private async Task<(string Token, DateTimeOffset ExpiresAt)> FetchAsync(CancellationToken cancellationToken)
    {
        var uri = new Uri(FormattableString.Invariant($"app/installations/{app.InstallationId}/access_tokens"), UriKind.Relative);
        var body = new InstallationTokenRequest([repository], permissions);
        IApiResponse<AccessToken> response;
        try
        {
            response = await Api.OctokitCalls.RunAsync(
                () => appClient.Connection.Post<AccessToken>(uri, body, "application/vnd.github+json", "application/json", parameters: null, cancellationToken),
                "POST /" + uri,
                repository,
                masker,
                cancellationToken);
        }
        catch (Errors.GitHubValidationException ex) when (ex.StatusCode == System.Net.HttpStatusCode.UnprocessableEntity)
        {
            // GitHub answers 422 when a token asks for a permission the installation was not granted: name what was asked.
            throw new Errors.GitHubUnauthorizedException(
                $"The GitHub App installation {app.InstallationId} was not granted {permissions} on {repository} ({ex.Message}); grant it in the App's settings and accept the new permissions on the installation.",
                System.Net.HttpStatusCode.UnprocessableEntity,
                permissions.ToString());
        }

        var token = response.Body ?? throw new Errors.GitHubTransientException("GitHub answered the installation token request without a token; retry later.", response.HttpResponse.StatusCode);
        masker.Add(token.Token);

        // An unreadable expiry is treated as a short one (refreshed a minute from now), never as a long one.
        var expires = token.ExpiresAt > DateTimeOffset.UnixEpoch ? token.ExpiresAt : clock.GetUtcNow().AddMinutes(6);
        return (token.Token, expires);
    }
}
