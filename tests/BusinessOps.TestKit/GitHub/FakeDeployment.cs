namespace BusinessOps.TestKit.GitHub;

/// <summary>A deployment on the fake server; its payload kept as the raw JSON it was given, its statuses newest last.</summary>
internal sealed class FakeDeployment
{
    public required long Id { get; init; }

    public required string Ref { get; init; }

    public required string Sha { get; init; }

    public required string Environment { get; init; }

    public string? Description { get; init; }

    public required string PayloadJson { get; init; }

    public required string Creator { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public List<FakeStatus> Statuses { get; } = [];
}
