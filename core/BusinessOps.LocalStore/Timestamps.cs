using System.Globalization;

namespace BusinessOps.LocalStore;

/// <summary>
/// UTC ISO-8601 with milliseconds when written: sorts as text, so <c>updated_at &gt;= $since</c> works in SQL. Read
/// tolerantly: any ISO-8601 form with or without an offset (a store edited by hand or by another tool), assumed UTC without one.
/// </summary>
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

    /// <summary>Reads <paramref name="text"/> if it is an ISO-8601 date and time (<c>2026-11-02T09:00:00Z</c>, <c>…+02:00</c>, <c>2026-11-02 09:00</c>).</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        var s = text?.Trim();

        // The year-month-day prefix keeps culture-shaped dates (11/02/2026) out: this store only ever wrote ISO-8601.
        if (s is null || s.Length < 10 || !char.IsAsciiDigit(s[0]) || s[4] != '-' || s[7] != '-')
        {
            return false;
        }

        if (!DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return false;
        }

        value = parsed.ToUniversalTime();
        return true;
    }

    /// <summary>The time in <paramref name="text"/>, or a <see cref="FormatException"/> naming what was found.</summary>
    public static DateTimeOffset Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{Shorten(text)}' is not an ISO-8601 timestamp");

    private static string Shorten(string? text) => text is null ? "null" : text.Length <= 40 ? text : text[..40] + "…";
}
