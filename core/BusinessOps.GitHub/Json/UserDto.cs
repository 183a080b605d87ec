namespace BusinessOps.GitHub.Json;

/// <summary>A user or bot as GitHub nests it (<c>type</c> is <c>User</c>, <c>Bot</c> or <c>Organization</c>).</summary>
internal sealed record UserDto(string Login, string? Type = null);
