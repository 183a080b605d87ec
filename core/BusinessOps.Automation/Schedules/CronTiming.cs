using Cronos;

namespace BusinessOps.Automation.Schedules;

/// <summary>
/// A five-field cron expression (minute hour day-of-month month day-of-week, or <c>@daily</c>-style macros)
/// read in <see cref="ScheduleTiming.Zone"/>. Daylight saving follows Cronos: a slot in the hour that spring
/// skips fires at the first instant after the gap; a slot in the hour that autumn repeats fires once.
/// </summary>
public sealed record CronTiming : ScheduleTiming
{
    private CronTiming(CronExpression expression, string text, TimeZoneInfo zone)
        : base(zone)
    {
        Expression = expression;
        Text = text;
    }

    // More than any daylight-saving shift (one hour almost everywhere, two at most historically).
    private static readonly TimeSpan DaylightSavingMargin = TimeSpan.FromHours(3);

    public CronExpression Expression { get; }

    public string Text { get; }

    /// <summary>Parses <paramref name="cron"/>; false with a message that quotes the expression and says the expected shape.</summary>
    public static bool TryCreate(string cron, TimeZoneInfo zone, out CronTiming? timing, out string? problem)
    {
        timing = null;
        problem = null;
        var text = cron.Trim();
        if (text.Length is 0 or > 100)
        {
            problem = "a cron expression has five fields: minute hour day-of-month month day-of-week, e.g. '0 8 * * 1-5'";
            return false;
        }

        try
        {
            timing = new CronTiming(CronExpression.Parse(text, CronFormat.Standard), text, zone);
            return true;
        }
        catch (CronFormatException ex)
        {
            problem = $"invalid cron expression '{TimeZones.Shorten(text)}': {ex.Message.TrimEnd('.')}; expected five fields: minute hour day-of-month month day-of-week, e.g. '0 8 * * 1-5'";
            return false;
        }
    }

    public override IEnumerable<DateTimeOffset> Slots(DateTimeOffset after, DateTimeOffset until) =>
        after >= until ? [] : Expression.GetOccurrences(after, until, Zone, fromInclusive: false, toInclusive: true).Select(o => o.ToUniversalTime());

    public override DateTimeOffset? Latest(DateTimeOffset after, DateTimeOffset until)
    {
        // Cronos's backward search resolves daylight-saving gaps and repeats differently from its forward one
        // (01:59:59 instead of 03:00 for a skipped 02:30), and slot keys must not depend on the direction. So the
        // backward result is only a hint: the slot is the last forward occurrence from a little before it.
        if (Expression.GetPreviousOccurrence(until, Zone, inclusive: true) is not { } hint || hint <= after - DaylightSavingMargin)
        {
            return null;
        }

        var from = hint - DaylightSavingMargin > after ? hint - DaylightSavingMargin : after;
        DateTimeOffset? latest = null;
        foreach (var slot in Slots(from, until))
        {
            latest = slot;
        }

        return latest;
    }

    public override DateTimeOffset? Next(DateTimeOffset after) => Expression.GetNextOccurrence(after, Zone, inclusive: false)?.ToUniversalTime();

    public override string Describe() => Zone == TimeZoneInfo.Utc ? $"cron '{Text}' UTC" : $"cron '{Text}' {Zone.Id}";
}
