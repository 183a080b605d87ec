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
        var (p50, p95) = Ranks(seconds.Count);
        return Ranked(seconds.Count, seconds[p50 - 1], seconds[p95 - 1]);
    }

    /// <summary>
    /// The 1-based ranks of the p50 and p95 in a sorted set of <paramref name="count"/> values (nearest rank: the smallest
    /// value with at least that share of the set at or below it), for a store that sorts in its own query.
    /// </summary>
    public static (int P50, int P95) Ranks(int count) => (Rank(count, 0.50), Rank(count, 0.95));

    /// <summary>The stats of a set of <paramref name="count"/> values whose values at <see cref="Ranks"/> are given, in seconds.</summary>
    public static DurationStats Ranked(int count, double p50Seconds, double p95Seconds) =>
        count == 0 ? Empty : new DurationStats(count, Math.Round(p50Seconds, 1), Math.Round(p95Seconds, 1));

    private static int Rank(int count, double p) => Math.Clamp((int)Math.Ceiling(p * count), 1, Math.Max(1, count));
}
