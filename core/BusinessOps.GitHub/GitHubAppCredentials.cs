namespace BusinessOps.GitHub;

/// <summary>
/// GitHub App credentials: the app id, the installation id on the repository's owner, and the PEM private key
/// (PKCS#1 or PKCS#8). <see cref="Slug"/> names the bot (<c>{slug}[bot]</c>); when null it is read from <c>GET /app</c>.
/// </summary>
public sealed record GitHubAppCredentials(long AppId, long InstallationId, string PrivateKeyPem, string? Slug = null)
{
    /// <inheritdoc/>
    public override string ToString() => $"GitHubAppCredentials {{ AppId = {AppId}, InstallationId = {InstallationId}, PrivateKeyPem = ***, Slug = {Slug} }}";
}
