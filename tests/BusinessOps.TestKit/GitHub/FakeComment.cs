namespace BusinessOps.TestKit.GitHub;

/// <summary>Mutable server-side comment state of <see cref="FakeGitHubServer"/>.</summary>
internal sealed class FakeComment
{
    public required long Id { get; init; }

    public required int IssueNumber { get; init; }

    public required string Author { get; init; }

    public string AuthorType { get; init; } = "User";

    public required string Body { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; set; }
}
