namespace BusinessOps.Coordinator.Execution.Workers;

/// <summary>What a worker posted for an invocation: its response (the result JSON) or an error document and type.</summary>
internal sealed record RuntimeAnswer(bool IsError, string Body, string? ErrorType);
