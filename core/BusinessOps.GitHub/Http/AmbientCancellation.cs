namespace BusinessOps.GitHub.Http;

/// <summary>
/// Octokit's typed clients take no <see cref="CancellationToken"/>, so the caller's token rides along the async flow
/// to our handlers, which link it into every request (cancellation still reaches the socket).
/// </summary>
internal static class AmbientCancellation
{
    private static readonly AsyncLocal<CancellationToken> Token = new();

    /// <summary>The token of the store call this request belongs to (none outside a call).</summary>
    public static CancellationToken Current => Token.Value;

    /// <summary>Sets the token for the rest of the calling async method (and what it awaits).</summary>
    public static void Set(CancellationToken cancellationToken) => Token.Value = cancellationToken;
}
