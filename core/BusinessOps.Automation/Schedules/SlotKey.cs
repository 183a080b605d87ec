using System.Globalization;
using BusinessOps.Automation.Issues;

namespace BusinessOps.Automation.Schedules;

/// <summary>
/// The identity of one slot: schedule id and the slot's instant in UTC, <c>morning-briefing@2026-03-09T15:00:00Z</c>.
/// The same slot always yields the same key, whoever evaluates it and however often.
/// </summary>
public sealed record SlotKey(string ScheduleId, DateTimeOffset Utc)
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public string Value => ScheduleId + "@" + Utc.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public AutomationKey ToAutomationKey() => new(AutomationKinds.Slot, Value);

    public override string ToString() => Value;

    /// <summary>Reads a key written by <see cref="Value"/>; false for anything else.</summary>
    public static bool TryParse(string text, out SlotKey key)
    {
        key = new SlotKey(string.Empty, default);
        var at = text.LastIndexOf('@');
        if (at <= 0 || !DateTime.TryParseExact(text.AsSpan(at + 1), Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
        {
            return false;
        }

        key = new SlotKey(text[..at], new DateTimeOffset(utc, TimeSpan.Zero));
        return true;
    }
}
