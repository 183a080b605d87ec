namespace BusinessOps.GitHub.Json;

/// <summary>An issue (or pull request) from the issues API or a webhook payload.</summary>
internal sealed record IssueDto(
    int Number,
    string? Title,
    string? Body,
    string? State,
    IReadOnlyList<LabelDto>? Labels,
    UserDto? User,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Comments,
    PullRequestRefDto? PullRequest);
