namespace BusinessOps.Core.Kpis.Snapshots;

/// <summary>Nearest-rank percentiles of a set of durations, in seconds; null when the set is empty.</summary>
public sealed record DurationStats(int Count, double? P50Seconds, double? P95Seconds)
{
    public static DurationStats Empty { get; } = new(0, null, null);

    /// <summary>The stats of <paramref name="seconds"/> (sorted in place).</summary>
    public static DurationStats Of(List<double> seconds)
    {
        ArgumentNullException.ThrowIfNull(seconds);
        if (seconds.Count == 0)
        {
            return Empty;
        }

        seconds.Sort();
        return new DurationStats(seconds.Count, Rank(seconds, 0.50), Rank(seconds, 0.95));
    }

    /// <summary>The nearest-rank percentile: the smallest value with at least <paramref name="p"/> of the set at or below it.</summary>
    private static double Rank(List<double> sorted, double p)
    {
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return Math.Round(sorted[Math.Clamp(rank, 1, sorted.Count) - 1], 1);
    }
}
