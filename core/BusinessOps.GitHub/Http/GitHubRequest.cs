namespace BusinessOps.GitHub.Http;

/// <summary>
/// One REST call: method, URL (relative to the API base, or an absolute <c>Link</c> URL), optional JSON body.
/// GETs are conditional and retried by default; writes are retried only when marked idempotent.
/// </summary>
internal sealed record GitHubRequest(HttpMethod Method, string Url, byte[]? Body = null)
{
    public bool IsRead => Method == HttpMethod.Get;

    /// <summary>Send <c>If-None-Match</c> from the ETag cache and serve 304s from it.</summary>
    public bool Conditional { get; init; } = Method == HttpMethod.Get;

    /// <summary>Safe to repeat after a 5xx or a timeout (GETs, PUT/PATCH/DELETE, label adds, reactions).</summary>
    public bool Idempotent { get; init; } = Method != HttpMethod.Post;

    /// <summary>Authenticate with the App's JWT instead of the installation token (<c>/app</c> endpoints).</summary>
    public bool UseAppJwt { get; init; }
}
