using System.Globalization;

namespace BusinessOps.Automation.Schedules;

/// <summary>The placeholders a schedule's template may use, filled from the slot's local time in the schedule's zone.</summary>
public static class SlotValues
{
    /// <summary>Every placeholder name a schedule template may use.</summary>
    public static IReadOnlyList<string> Names { get; } = ["date", "time", "weekday", "week", "month", "year", "schedule", "client"];

    /// <summary><c>date</c> 2026-03-09, <c>time</c> 08:00, <c>weekday</c> Monday, <c>week</c> 2026-W11, <c>month</c> 2026-03, <c>year</c> 2026.</summary>
    public static IReadOnlyDictionary<string, string> For(DateTimeOffset local, string scheduleId, string? client)
    {
        var date = local.Date;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["time"] = local.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["weekday"] = date.DayOfWeek.ToString(),
            ["week"] = string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}"),
            ["month"] = date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            ["year"] = date.ToString("yyyy", CultureInfo.InvariantCulture),
            ["schedule"] = scheduleId,
            ["client"] = client ?? string.Empty,
        };
    }
}
