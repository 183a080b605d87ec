using System.Globalization;

namespace BusinessOps.Coordinator.Cli;

/// <summary>Parses <c>90s</c>, <c>5m</c>, <c>1h</c>, <c>1h30m</c>, <c>2d</c>.</summary>
public static class Durations
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim().ToLowerInvariant();
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start || i >= s.Length || !int.TryParse(s.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return false;
            }

            value += s[i++] switch
            {
                's' => TimeSpan.FromSeconds(n),
                'm' => TimeSpan.FromMinutes(n),
                'h' => TimeSpan.FromHours(n),
                'd' => TimeSpan.FromDays(n),
                _ => TimeSpan.MinValue,
            };
            if (value < TimeSpan.Zero)
            {
                return false;
            }
        }

        return value > TimeSpan.Zero;
    }
}
