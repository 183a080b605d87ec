namespace BusinessOps.TestKit.GitHub;

/// <summary>A read-only copy of one deployment on the fake server, for assertions: its payload as JSON, its statuses oldest first.</summary>
public sealed record FakeDeploymentView(long Id, string Ref, string Environment, string PayloadJson, IReadOnlyList<FakeStatus> Statuses);
