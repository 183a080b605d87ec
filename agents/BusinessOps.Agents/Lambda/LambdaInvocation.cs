namespace BusinessOps.Agents.Lambda;

/// <summary>
/// One event from the Lambda Runtime API: the request id, the raw event JSON, the deadline
/// (<c>Lambda-Runtime-Deadline-Ms</c>), the invoked function ARN and the X-Ray trace header.
/// </summary>
public sealed record LambdaInvocation(string RequestId, string Payload, DateTimeOffset Deadline, string? InvokedFunctionArn, string? TraceId);
