namespace BusinessOps.Automation.Workflows;

/// <summary>How many attempts a step gets (each a new child issue) and what its last failure does.</summary>
public sealed record RetryPolicy(int MaxAttempts, FailureAction OnFailure)
{
    public const int MaxAllowedAttempts = 10;

    public static RetryPolicy Default { get; } = new(2, FailureAction.Escalate);
}
