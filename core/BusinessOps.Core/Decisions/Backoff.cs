using BusinessOps.Core.Policies;

namespace BusinessOps.Core.Decisions;

/// <summary>Exponential backoff with deterministic jitter (a hash of the key), so every pass computes the same time.</summary>
public static class Backoff
{
    public static TimeSpan Delay(int failures, string key, RetryPolicy policy)
    {
        var exponent = Math.Max(0, failures - 1);
        var raw = policy.BaseDelay.TotalSeconds * Math.Pow(policy.Factor, exponent);
        var capped = Math.Min(raw, policy.Cap.TotalSeconds);
        var jitter = 0.8 + (0.4 * Unit(key));
        return TimeSpan.FromSeconds(Math.Min(capped * jitter, policy.Cap.TotalSeconds));
    }

    /// <summary>FNV-1a 64 of the key mapped to [0, 1).</summary>
    public static double Unit(string key)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        return (hash >> 11) * (1.0 / (1UL << 53));
    }
}
