namespace BusinessOps.GitHub.Http;

/// <summary>Which requests are reads (paced as reads, conditional) and which may be repeated after a lost answer.</summary>
internal static class RequestKinds
{
    public static bool IsRead(HttpMethod method) => method == HttpMethod.Get;

    /// <summary>
    /// GET, PUT, PATCH and DELETE are idempotent. A POST is not, except adding labels (a set union), adding a reaction
    /// (GitHub answers 200 for one that exists) and creating Git trees and commits (objects nothing points to until a ref
    /// does: a repeat leaves at most an unreferenced object); a comment POST is never repeated blindly (the store looks
    /// for it first).
    /// </summary>
    public static bool IsIdempotent(HttpMethod method, string path) =>
        method != HttpMethod.Post
        || (path.EndsWith("/labels", StringComparison.Ordinal) && path.Contains("/issues/", StringComparison.Ordinal))
        || path.EndsWith("/reactions", StringComparison.Ordinal)
        || path.EndsWith("/git/trees", StringComparison.Ordinal)
        || path.EndsWith("/git/commits", StringComparison.Ordinal);
}
