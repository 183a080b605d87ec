using BusinessOps.Core.Policies;

namespace BusinessOps.Core.Governance;

/// <summary>
/// Retry backoff (issue 5): base × factor^(n−1), capped, with deterministic jitter of up to ±<see cref="JitterFraction"/>
/// from <see cref="StableHash.Unit"/> of the key (so every pass computes the same time), never above the cap.
/// A non-positive cap means uncapped, bounded at <see cref="UncappedCeiling"/>; a factor below 1 (or NaN) counts as 1.
/// </summary>
public static class RetrySchedule
{
    /// <summary>Maximum jitter, as a fraction of the delay.</summary>
    public const double JitterFraction = 0.2;

    /// <summary>Longest delay when the policy has no cap.</summary>
    public static readonly TimeSpan UncappedCeiling = TimeSpan.FromDays(30);

    /// <summary>When the next attempt may be dispatched after the <paramref name="consecutiveFailures"/>-th consecutive failure.</summary>
    /// <param name="consecutiveFailures">Failures in a row, including this one (values below 1 count as 1).</param>
    /// <param name="failedAt">When the failure was recorded.</param>
    /// <param name="key">Jitter key, e.g. the failed attempt's idempotency key.</param>
    /// <param name="p">The retry policy.</param>
    public static DateTimeOffset NextAttemptAt(int consecutiveFailures, DateTimeOffset failedAt, string key, RetryPolicy p) =>
        failedAt + Delay(consecutiveFailures, key, p);

    /// <summary>The jittered delay: <see cref="BaseDelay"/> × (1 ± up to 20 %), at most the cap.</summary>
    public static TimeSpan Delay(int consecutiveFailures, string key, RetryPolicy p)
    {
        var cap = Cap(p);
        var jitter = 1 + (JitterFraction * ((2 * StableHash.Unit(key)) - 1));
        var ticks = Math.Min(BaseDelay(consecutiveFailures, p).Ticks * jitter, cap.Ticks);
        return TimeSpan.FromTicks((long)Math.Max(0, ticks));
    }

    /// <summary>The delay without jitter: base × factor^(n−1), at most the cap.</summary>
    public static TimeSpan BaseDelay(int consecutiveFailures, RetryPolicy p)
    {
        var n = Math.Max(1, consecutiveFailures);
        var factor = double.IsNaN(p.Factor) || p.Factor < 1 ? 1 : p.Factor;
        var cap = Cap(p);
        var ticks = Math.Max(0, p.BaseDelay.Ticks) * Math.Pow(factor, n - 1);
        return !double.IsFinite(ticks) || ticks >= cap.Ticks ? cap : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>True when the failures reach <see cref="RetryPolicy.MaxConsecutiveFailures"/>: escalate instead of retrying.</summary>
    public static bool ShouldEscalate(int consecutiveFailures, RetryPolicy p) =>
        p.MaxConsecutiveFailures > 0 && consecutiveFailures >= p.MaxConsecutiveFailures;

    private static TimeSpan Cap(RetryPolicy p) => p.Cap > TimeSpan.Zero ? p.Cap : UncappedCeiling;
}
