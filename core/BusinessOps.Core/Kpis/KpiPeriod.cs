namespace BusinessOps.Core.Kpis;

/// <summary>A rolling window <c>[From, To)</c> ending when the report is made: the last day, week (7 days) or month (30 days).</summary>
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

    /// <summary>The period of <paramref name="kind"/> ending at <paramref name="now"/>.</summary>
    public static KpiPeriod Ending(KpiPeriodKind kind, DateTimeOffset now)
    {
        var days = kind switch
        {
            KpiPeriodKind.Day => 1,
            KpiPeriodKind.Week => 7,
            _ => 30,
        };
        return new KpiPeriod(kind, now.AddDays(-days), now);
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

    /// <summary>True when <paramref name="at"/> falls in the window.</summary>
    public bool Contains(DateTimeOffset? at) => at is { } t && t >= From && t < To;
}
