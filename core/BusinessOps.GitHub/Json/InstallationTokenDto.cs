namespace BusinessOps.GitHub.Json;

/// <summary><c>POST /app/installations/{id}/access_tokens</c>; GitHub's description types <c>expires_at</c> as a plain string.</summary>
internal sealed record InstallationTokenDto(string Token, string? ExpiresAt);
