using System.Globalization;
using System.Text;

namespace BusinessOps.Core.Time;

/// <summary>
/// The one home for durations. Written as policy files and options write them (<see cref="TryParse"/>, <see cref="Format"/>):
/// one or more of <c>Nd</c>, <c>Nh</c>, <c>Nm</c>, <c>Ns</c> in that order, e.g. <c>90s</c>, <c>30m</c>, <c>1h</c>,
/// <c>2d</c>, <c>1h30m</c>, always positive and at most <see cref="Max"/>, so a typo cannot turn into an SLA of centuries.
/// Worded for people in comments and messages by <see cref="Words"/> (<c>4 hours</c>).
/// </summary>
public static class Durations
{
    /// <summary>The longest duration a policy may state.</summary>
    public static TimeSpan Max { get; } = TimeSpan.FromDays(365);

    /// <summary>The shape accepted, for error messages.</summary>
    public const string Expected = "a positive duration such as 90s, 30m, 1h, 2d or 1h30m";

    private static readonly (char Unit, long Ticks)[] Units =
    [
        ('d', TimeSpan.TicksPerDay),
        ('h', TimeSpan.TicksPerHour),
        ('m', TimeSpan.TicksPerMinute),
        ('s', TimeSpan.TicksPerSecond),
    ];

    /// <summary>Parses <paramref name="text"/>; false for anything that is not a positive duration ≤ <see cref="Max"/>.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text) || text.Length > 32)
        {
            return false;
        }

        var ticks = 0L;
        var unitIndex = 0;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            // Each component needs digits then a unit, units in d-h-m-s order, each at most once.
            if (i == start || i == text.Length || i - start > 9)
            {
                return false;
            }

            var n = long.Parse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture);
            while (unitIndex < Units.Length && Units[unitIndex].Unit != text[i])
            {
                unitIndex++;
            }

            if (unitIndex == Units.Length)
            {
                return false;
            }

            // Compared before multiplying so 999999999d cannot overflow into a small or negative value.
            if (n > Max.Ticks / Units[unitIndex].Ticks)
            {
                return false;
            }

            ticks += n * Units[unitIndex].Ticks;
            if (ticks > Max.Ticks)
            {
                return false;
            }

            unitIndex++;
            i++;
        }

        if (ticks <= 0)
        {
            return false;
        }

        value = TimeSpan.FromTicks(ticks);
        return true;
    }

    /// <summary>The shortest policy spelling of <paramref name="value"/> (<c>1h30m</c>); sub-second parts are dropped.</summary>
    public static string Format(TimeSpan value)
    {
        if (value < TimeSpan.FromSeconds(1))
        {
            return "0s";
        }

        var sb = new StringBuilder();
        var remaining = value.Ticks;
        foreach (var (unit, ticks) in Units)
        {
            var n = remaining / ticks;
            if (n > 0)
            {
                sb.Append(n.ToString(CultureInfo.InvariantCulture)).Append(unit);
                remaining -= n * ticks;
            }
        }

        return sb.ToString();
    }

    /// <summary>A human duration: <c>5 minutes</c>, <c>4 hours</c>, <c>1 day</c>, <c>1 h 30 min</c>, <c>45 s</c>.</summary>
    public static string Words(TimeSpan d)
    {
        if (d < TimeSpan.Zero)
        {
            d = d.Negate();
        }

        var c = CultureInfo.InvariantCulture;
        if (d.Ticks % TimeSpan.TicksPerDay == 0 && d.Days > 0)
        {
            return d.Days == 1 ? "1 day" : string.Create(c, $"{d.Days} days");
        }

        if (d.Ticks % TimeSpan.TicksPerHour == 0 && d.TotalHours >= 1)
        {
            var h = (long)d.TotalHours;
            return h == 1 ? "1 hour" : string.Create(c, $"{h} hours");
        }

        if (d.Ticks % TimeSpan.TicksPerMinute == 0 && d.TotalMinutes >= 1 && d.TotalMinutes < 60)
        {
            var m = (long)d.TotalMinutes;
            return m == 1 ? "1 minute" : string.Create(c, $"{m} minutes");
        }

        if (d.TotalHours >= 1)
        {
            return string.Create(c, $"{(long)d.TotalHours} h {d.Minutes} min");
        }

        if (d.TotalMinutes >= 1)
        {
            return string.Create(c, $"{d.Minutes} min {d.Seconds} s");
        }

        return string.Create(c, $"{d.Seconds} s");
    }
}
