namespace BusinessOps.GitHub.Auth;

/// <summary>
/// The permissions an installation token is narrowed to (GitHub's names and levels; null = not requested).
/// Octokit serializes it as the <c>permissions</c> object of the token request.
/// </summary>
internal sealed record TokenPermissions(string? Issues = null, string? Metadata = null, string? Members = null)
{
    /// <summary>
    /// What the store uses on the repository: <c>issues: write</c> (issues, comments, issue and repository labels,
    /// reactions on issue comments) and <c>metadata: read</c> (collaborator permissions). Nothing else.
    /// </summary>
    public static TokenPermissions Repository { get; } = new(Issues: "write", Metadata: "read");

    /// <summary>Team memberships for approval roles naming <c>org/team</c>: organization <c>members: read</c>, in its own token.</summary>
    public static TokenPermissions TeamMembers { get; } = new(Members: "read");

    /// <inheritdoc/>
    public override string ToString() => string.Join(", ", new[] { ("issues", Issues), ("metadata", Metadata), ("members", Members) }.Where(p => p.Item2 is not null).Select(p => p.Item1 + ": " + p.Item2));
}
