namespace BusinessOps.Core.Policies;

/// <summary>
/// Which conditions raise an alert. <see cref="FailureStreak"/>: an agent whose last N finished issues all failed (0 = off).
/// <see cref="ExecutorFailures"/>: failed dispatches of one executor in one pass (0 = off). <see cref="SpendingShare"/>:
/// today's spending over this share of a daily limit (0 = off).
/// </summary>
public sealed record AlertRules(bool SlaBreach = true, int FailureStreak = 3, int ExecutorFailures = 3, double SpendingShare = 0.8, bool MissedSlot = true)
{
    public static AlertRules Default { get; } = new();
}
