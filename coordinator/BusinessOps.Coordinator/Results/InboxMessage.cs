using BusinessOps.Aws.Results;

namespace BusinessOps.Coordinator.Results;

/// <summary>One received message: understood (<see cref="Message"/>) or not (<see cref="Problem"/>), and its delete handle.</summary>
public sealed record InboxMessage(string Id, string Handle, ResultMessage? Message, string? Problem, int ReceiveCount);
