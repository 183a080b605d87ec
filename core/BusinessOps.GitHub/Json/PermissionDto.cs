namespace BusinessOps.GitHub.Json;

/// <summary><c>GET /repos/{o}/{r}/collaborators/{u}/permission</c>.</summary>
internal sealed record PermissionDto(string? Permission, string? RoleName);
