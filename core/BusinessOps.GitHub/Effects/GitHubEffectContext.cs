using BusinessOps.Core.Effects;
using BusinessOps.GitHub.Api;
using Octokit;

namespace BusinessOps.GitHub.Effects;

/// <summary>
/// What every GitHub effect works with: the store's API (its client, pacing and rate-limit budget), the store for the
/// writes it already does well (labels), and the login the store writes as — the only author whose markers count.
/// </summary>
internal sealed class GitHubEffectContext(GitHubIssueStore store)
{
    public GitHubApi Api { get; } = store.Api;

    public GitHubIssueStore Store { get; } = store;

    /// <summary><c>OWNER/NAME</c>.</summary>
    public string Repository => Api.Repository;

    public Task<string> IdentityAsync(CancellationToken cancellationToken) => Store.ResolveIdentityAsync(cancellationToken);

    /// <summary>True when <paramref name="user"/> is the coordinator's own identity and <paramref name="body"/> carries the marker of <paramref name="key"/>.</summary>
    public static bool IsOurs(User? user, string? body, string identity, string key) =>
        string.Equals(user?.Login, identity, StringComparison.OrdinalIgnoreCase) && EffectMarker.IsIn(body, key);

    /// <summary>Our comment on issue <paramref name="number"/> carrying the marker of <paramref name="key"/>, or null.</summary>
    public async Task<IssueComment?> FindCommentAsync(int number, string key, CancellationToken cancellationToken)
    {
        var identity = await IdentityAsync(cancellationToken);
        var comments = await Api.ListCommentsAsync(number, cancellationToken);
        return comments.LastOrDefault(c => IsOurs(c.User, c.Body, identity, key));
    }
}
