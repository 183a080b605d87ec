namespace BusinessOps.GitHub.Json;

// DTOs are GitHub's wire shapes, kept together because each is a few lines and they only make sense as a set.
#pragma warning disable CA1812 // Instantiated by the JSON source generator.

/// <summary>A user or bot as GitHub nests it (<c>type</c> is <c>User</c>, <c>Bot</c> or <c>Organization</c>).</summary>
internal sealed record UserDto(string Login, string? Type = null);

/// <summary>A label (issue labels may arrive as bare strings; see <see cref="LabelDtoConverter"/>).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(LabelDtoConverter))]
internal sealed record LabelDto(string Name, string? Color = null, string? Description = null);

/// <summary>Present on issues that are pull requests.</summary>
internal sealed record PullRequestRefDto(string? Url);

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

/// <summary>An issue comment.</summary>
internal sealed record CommentDto(long Id, string? Body, UserDto? User, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary><c>GET /repos/{o}/{r}/collaborators/{u}/permission</c>.</summary>
internal sealed record PermissionDto(string? Permission, string? RoleName);

/// <summary><c>POST /app/installations/{id}/access_tokens</c>; GitHub's description types <c>expires_at</c> as a plain string.</summary>
internal sealed record InstallationTokenDto(string Token, string? ExpiresAt);

/// <summary><c>GET /app</c>.</summary>
internal sealed record AppDto(string? Slug, string? Name);

/// <summary>Body of comment create/update.</summary>
internal sealed record CommentBody(string Body);

/// <summary>Body of add/replace issue labels.</summary>
internal sealed record LabelsBody(IReadOnlyList<string> Labels);

/// <summary>Body of repository label create.</summary>
internal sealed record NewLabelBody(string Name, string Color, string Description);

/// <summary>Body of repository label update.</summary>
internal sealed record LabelPatchBody(string Color, string Description);

/// <summary>Body of issue create.</summary>
internal sealed record NewIssueBody(string Title, string Body, IReadOnlyList<string> Labels);

/// <summary>Body of issue close/reopen.</summary>
internal sealed record IssueStateBody(string State);

/// <summary>Body of reaction create.</summary>
internal sealed record ReactionBody(string Content);
#pragma warning restore CA1812
