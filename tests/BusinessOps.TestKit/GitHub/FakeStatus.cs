namespace BusinessOps.TestKit.GitHub;

/// <summary>A deployment status or commit status on the fake server (<see cref="Context"/> is null for deployments).</summary>
public sealed record FakeStatus(long Id, string State, string? Context, string? Description, string? TargetUrl, DateTimeOffset CreatedAt);
