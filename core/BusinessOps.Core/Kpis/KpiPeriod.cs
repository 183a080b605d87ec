namespace BusinessOps.Core.Kpis;

/// <summary>
/// The window <c>[From, To]</c> of a report: today (UTC), the last 7 or the last 30 UTC days, today included, up to the
/// moment it is made. Aligned on UTC midnight, so figures only move when data arrives or a day starts — the dashboard
/// is not rewritten because a rolling window slid by a minute.
/// </summary>
public sealed record KpiPeriod(KpiPeriodKind Kind, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>The spellings <c>--period</c> accepts.</summary>
    public const string Choices = "day, week or month";

    /// <summary><c>day</c>, <c>week</c> or <c>month</c>.</summary>
    public string Name => Kind switch
    {
        KpiPeriodKind.Day => "day",
        KpiPeriodKind.Week => "week",
        _ => "month",
    };

    /// <summary>Length in days (1, 7, 30).</summary>
    public int Days => Kind switch
    {
        KpiPeriodKind.Day => 1,
        KpiPeriodKind.Week => 7,
        _ => 30,
    };

    /// <summary>The period of <paramref name="kind"/> ending at <paramref name="now"/>: from UTC midnight of its first day.</summary>
    public static KpiPeriod Ending(KpiPeriodKind kind, DateTimeOffset now)
    {
        var days = kind switch
        {
            KpiPeriodKind.Day => 1,
            KpiPeriodKind.Week => 7,
            _ => 30,
        };
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        return new KpiPeriod(kind, today.AddDays(1 - days), now);
    }

    /// <summary>Reads <c>day</c>, <c>week</c> or <c>month</c> (any case); false for anything else.</summary>
    public static bool TryParse(string? text, out KpiPeriodKind kind)
    {
        kind = KpiPeriodKind.Week;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "day":
                kind = KpiPeriodKind.Day;
                return true;
            case "week":
                return true;
            case "month":
                kind = KpiPeriodKind.Month;
                return true;
            default:
                return false;
        }
    }

    /// <summary>True when <paramref name="at"/> falls in the window; its end, the moment of the report, included.</summary>
    public bool Contains(DateTimeOffset? at) => at is { } t && t >= From && t <= To;
}
