namespace BusinessOps.TestKit.GitHub;

/// <summary>A repository label as the fake server holds it.</summary>
public sealed record FakeLabel(long Id, string Name, string Color, string Description);
