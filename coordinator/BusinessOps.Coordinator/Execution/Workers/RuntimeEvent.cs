namespace BusinessOps.Coordinator.Execution.Workers;

/// <summary>One invocation handed to a warm worker through the Runtime API: its request id, the event and the deadline.</summary>
internal sealed record RuntimeEvent(string RequestId, byte[] Payload, DateTimeOffset Deadline);
