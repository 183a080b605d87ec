namespace BusinessOps.GitHub.Api;

/// <summary>One page of a listing: its items, the next page (GitHub's <c>Link</c>), and whether it was a free 304.</summary>
internal sealed record ListPage<T>(IReadOnlyList<T> Items, Uri? Next, bool NotModified);
