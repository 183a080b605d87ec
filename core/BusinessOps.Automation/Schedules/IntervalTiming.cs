using BusinessOps.Core.Time;

namespace BusinessOps.Automation.Schedules;

/// <summary>
/// A fixed interval ("every 6 hours"): slots at <see cref="Anchor"/> + k × <see cref="Every"/> in absolute time,
/// so daylight saving never stretches or shrinks an interval. The anchor makes slots stable across runs.
/// </summary>
public sealed record IntervalTiming(TimeSpan Every, DateTimeOffset Anchor, TimeZoneInfo Zone) : ScheduleTiming(Zone)
{
    /// <summary>The shortest interval a schedule may use; the reconcile pass runs every few minutes anyway.</summary>
    public static TimeSpan Min { get; } = TimeSpan.FromMinutes(5);

    /// <summary>The default anchor: midnight UTC, 1 January 2000 (so every 6 h means 00:00, 06:00, 12:00, 18:00 UTC).</summary>
    public static DateTimeOffset DefaultAnchor { get; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override IEnumerable<DateTimeOffset> Slots(DateTimeOffset after, DateTimeOffset until)
    {
        if (until <= after)
        {
            yield break;
        }

        for (var slot = FirstAfter(after); slot <= until; slot = slot.Add(Every))
        {
            yield return slot;
        }
    }

    public override DateTimeOffset? Latest(DateTimeOffset after, DateTimeOffset until)
    {
        if (until < Anchor)
        {
            return null;
        }

        var k = (until.UtcTicks - Anchor.UtcTicks) / Every.Ticks;
        var slot = Anchor.ToUniversalTime().AddTicks(k * Every.Ticks);
        return slot > after ? slot : null;
    }

    public override DateTimeOffset? Next(DateTimeOffset after) => FirstAfter(after);

    public override string Describe() => "every " + Durations.Words(Every);

    private DateTimeOffset FirstAfter(DateTimeOffset after)
    {
        var anchor = Anchor.ToUniversalTime();
        if (after < anchor)
        {
            return anchor;
        }

        var k = ((after.UtcTicks - anchor.UtcTicks) / Every.Ticks) + 1;
        return anchor.AddTicks(k * Every.Ticks);
    }
}
