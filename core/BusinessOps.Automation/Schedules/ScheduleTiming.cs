namespace BusinessOps.Automation.Schedules;

/// <summary>When a schedule fires: a cron expression in a time zone (<see cref="CronTiming"/>) or a fixed interval (<see cref="IntervalTiming"/>).</summary>
public abstract record ScheduleTiming(TimeZoneInfo Zone)
{
    /// <summary>The slots in (<paramref name="after"/>, <paramref name="until"/>], oldest first, as UTC instants.</summary>
    public abstract IEnumerable<DateTimeOffset> Slots(DateTimeOffset after, DateTimeOffset until);

    /// <summary>The newest slot at or before <paramref name="until"/> and after <paramref name="after"/>, if any.</summary>
    public abstract DateTimeOffset? Latest(DateTimeOffset after, DateTimeOffset until);

    /// <summary>The first slot after <paramref name="after"/> (for <c>coordinator schedule</c>'s "next" column).</summary>
    public abstract DateTimeOffset? Next(DateTimeOffset after);

    /// <summary>How the policy wrote it, for listings and messages.</summary>
    public abstract string Describe();
}
