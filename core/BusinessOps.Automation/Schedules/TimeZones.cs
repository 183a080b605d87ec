using System.Text.RegularExpressions;

namespace BusinessOps.Automation.Schedules;

/// <summary>IANA time zones by name, checked before the system is asked so a policy cannot name a path.</summary>
public static partial class TimeZones
{
    /// <summary>The zone called <paramref name="name"/>, or null with <paramref name="problem"/> saying what to write instead.</summary>
    public static TimeZoneInfo? Find(string name, out string? problem)
    {
        problem = null;
        if (name is "UTC" or "Etc/UTC")
        {
            return TimeZoneInfo.Utc;
        }

        if (name.Length <= 64 && Shape().IsMatch(name))
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(name);
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                // Reported below with the expected shape.
            }
        }

        problem = $"unknown time zone '{Shorten(name)}'; use an IANA name such as America/Los_Angeles, Europe/Berlin or UTC";
        return null;
    }

    internal static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");

    // Area/Location[/Sub], letters, digits, '_', '+', '-': no dots, so no '..' path segments.
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
