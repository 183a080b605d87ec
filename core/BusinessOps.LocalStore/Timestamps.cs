using System.Globalization;

namespace BusinessOps.LocalStore;

/// <summary>UTC ISO-8601 with milliseconds: sorts as text, so <c>updated_at &gt;= $since</c> works in SQL.</summary>
internal static class Timestamps
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>The clock's time cut to whole milliseconds, so what is returned equals what is read back.</summary>
    public static DateTimeOffset Now(TimeProvider clock)
    {
        var utc = clock.GetUtcNow().UtcTicks;
        return new DateTimeOffset(utc - (utc % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public static string ToText(DateTimeOffset value) => value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
