namespace BusinessOps.Core.Policies;

/// <summary>
/// How many queued issues of the same agent and client one AWS Batch job may carry (<see cref="MaxIssues"/>), and how long
/// a first dispatch may wait for companions before a smaller set goes anyway (<see cref="MaxWait"/>). A burst then starts
/// one Fargate task per set instead of one per issue; each issue keeps its own idempotency key and result.
/// <see cref="None"/>: one issue per job, nothing waits (the default).
/// </summary>
public sealed record BatchSets(int MaxIssues, TimeSpan MaxWait)
{
    /// <summary>Most issues one set may hold: the issues travel inside SubmitJob, which is limited to 30 KiB.</summary>
    public const int Limit = 50;

    /// <summary>Longest wait a policy may set: sets trade latency for cost, and an SLA of an hour must still hold.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromMinutes(30);

    public static BatchSets None { get; } = new(1, TimeSpan.Zero);

    /// <summary>True when several issues may share a job.</summary>
    public bool Enabled => MaxIssues > 1;
}
