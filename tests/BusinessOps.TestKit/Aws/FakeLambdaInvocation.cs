namespace BusinessOps.TestKit.Aws;

/// <summary>One accepted asynchronous Lambda invocation.</summary>
public sealed record FakeLambdaInvocation(string Function, byte[] Payload, string RequestId, DateTimeOffset At);
