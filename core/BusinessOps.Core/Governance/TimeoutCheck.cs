namespace BusinessOps.Core.Governance;

/// <summary>Where an approval wait stands.</summary>
/// <param name="Outcome"><see cref="TimeoutOutcome.None"/> while waiting; the fallback once the timeout has passed.</param>
/// <param name="Remaining">Time left until the fallback (zero once passed); null when the policy has no timeout for the kind.</param>
/// <param name="Deadline">When the fallback applies; null when the policy has no timeout for the kind.</param>
/// <param name="BackupRole">The role that may approve after a <see cref="TimeoutOutcome.BackupApprover"/> timeout.</param>
/// <param name="Explanation">A human sentence for the issue once timed out (empty while waiting).</param>
public sealed record TimeoutCheck(TimeoutOutcome Outcome, TimeSpan? Remaining, DateTimeOffset? Deadline, string? BackupRole, string Explanation);
