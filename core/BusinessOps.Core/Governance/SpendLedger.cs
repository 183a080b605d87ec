namespace BusinessOps.Core.Governance;

/// <summary>Sums execution costs for the daily spending limits. A day is a UTC calendar day.</summary>
public static class SpendLedger
{
    /// <summary>Total cost of the entries recorded on <paramref name="now"/>'s UTC day. Negative costs are ignored.</summary>
    public static decimal SumToday(IEnumerable<(decimal Cost, DateTimeOffset At, string? Client)> entries, DateTimeOffset now) =>
        Sum(entries, now, client: null);

    /// <summary>Total cost of <paramref name="client"/>'s entries (case-insensitive) recorded on <paramref name="now"/>'s UTC day.</summary>
    public static decimal SumTodayForClient(IEnumerable<(decimal Cost, DateTimeOffset At, string? Client)> entries, DateTimeOffset now, string client) =>
        Sum(entries, now, client);

    /// <summary>Start (inclusive) of <paramref name="now"/>'s UTC day.</summary>
    public static DateTimeOffset DayStart(DateTimeOffset now) => new(now.UtcDateTime.Date, TimeSpan.Zero);

    private static decimal Sum(IEnumerable<(decimal Cost, DateTimeOffset At, string? Client)> entries, DateTimeOffset now, string? client)
    {
        var start = DayStart(now);
        var end = start.AddDays(1);
        var total = 0m;
        foreach (var (cost, at, c) in entries)
        {
            if (cost <= 0 || at < start || at >= end)
            {
                continue;
            }

            if (client is not null && !string.Equals(client, c, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            total += cost;
        }

        return total;
    }
}
