namespace BusinessOps.GitHub.Json;

/// <summary>An issue comment.</summary>
internal sealed record CommentDto(long Id, string? Body, UserDto? User, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
