namespace BusinessOps.TestKit.Aws;

/// <summary>What a runtime posted for one invocation (or for init): the body, and whether it was an error.</summary>
public sealed record FakeRuntimeOutcome(string RequestId, bool IsError, string Body, string? ErrorTypeHeader, DateTimeOffset At);
