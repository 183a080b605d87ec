using BusinessOps.Core.Scrubbing;
using Octokit;

namespace BusinessOps.GitHub.Auth;

/// <summary>The App's own credentials for Octokit (<c>/app</c> endpoints): a freshly signed JWT per request.</summary>
internal sealed class AppJwtCredentials(GitHubAppCredentials app, TimeProvider clock, SecretMasker masker) : ICredentialStore
{
    public Task<Credentials> GetCredentials()
    {
        var jwt = GitHubAppJwt.Create(app.AppId, app.PrivateKeyPem, clock.GetUtcNow());
        masker.Add(jwt);
        return Task.FromResult(new Credentials(jwt, AuthenticationType.Bearer));
    }
}
