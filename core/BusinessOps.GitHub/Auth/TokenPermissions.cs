namespace BusinessOps.GitHub.Auth;

/// <summary>
/// The permissions an installation token is narrowed to (GitHub's names and levels; null = not requested).
/// Octokit serializes it as the <c>permissions</c> object of the token request (<c>PullRequests</c> → <c>pull_requests</c>).
/// </summary>
internal sealed record TokenPermissions(
    string? Issues = null,
    string? Metadata = null,
    string? Members = null,
    string? Contents = null,
    string? PullRequests = null,
    string? Deployments = null,
    string? Statuses = null)
{
    /// <summary>
    /// What the store uses on the repository: <c>issues: write</c> (issues, comments, issue and repository labels,
    /// reactions on issue comments) and <c>metadata: read</c> (collaborator permissions). Nothing else.
    /// </summary>
    public static TokenPermissions Repository { get; } = new(Issues: "write", Metadata: "read");

    /// <summary>Team memberships for approval roles naming <c>org/team</c>: organization <c>members: read</c>, in its own token.</summary>
    public static TokenPermissions TeamMembers { get; } = new(Members: "read");

    /// <summary>The <c>github.pull-request</c> effect: a branch with a commit (contents) and a draft pull request.</summary>
    public static TokenPermissions PullRequestEffects { get; } = new(Metadata: "read", Contents: "write", PullRequests: "write");

    /// <summary>The <c>github.deployment</c> and <c>github.deployment-status</c> effects.</summary>
    public static TokenPermissions DeploymentEffects { get; } = new(Metadata: "read", Deployments: "write");

    /// <summary>The <c>github.commit-status</c> effect: the pull request's head (read), then a status on it.</summary>
    public static TokenPermissions CommitStatusEffects { get; } = new(Metadata: "read", PullRequests: "read", Statuses: "write");

    /// <inheritdoc/>
    public override string ToString() => string.Join(", ", new[]
    {
        ("issues", Issues), ("metadata", Metadata), ("members", Members), ("contents", Contents),
        ("pull_requests", PullRequests), ("deployments", Deployments), ("statuses", Statuses),
    }.Where(p => p.Item2 is not null).Select(p => p.Item1 + ": " + p.Item2));
}
