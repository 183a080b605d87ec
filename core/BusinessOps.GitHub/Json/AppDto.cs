namespace BusinessOps.GitHub.Json;

/// <summary><c>GET /app</c>.</summary>
internal sealed record AppDto(string? Slug, string? Name);
