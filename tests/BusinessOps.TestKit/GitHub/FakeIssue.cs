namespace BusinessOps.TestKit.GitHub;

/// <summary>Mutable server-side issue (or pull request) state of <see cref="FakeGitHubServer"/>; guarded by the server's lock.</summary>
internal sealed class FakeIssue
{
    public required int Number { get; init; }

    public required long Id { get; init; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public required string Author { get; init; }

    public string AuthorType { get; init; } = "User";

    public bool Closed { get; set; }

    public bool IsPullRequest { get; init; }

    /// <summary>Head, base and draft flag of a pull request opened through the API (null for issues and seeded pull requests).</summary>
    public FakePull? Pull { get; set; }

    /// <summary>The issue this one is a sub-issue of.</summary>
    public int? Parent { get; set; }

    /// <summary>GitHub's <c>state_reason</c> of a closed issue (<c>completed</c>, <c>not_planned</c>).</summary>
    public string? StateReason { get; set; }

    public List<string> Labels { get; } = [];

    public List<FakeComment> Comments { get; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }
}
