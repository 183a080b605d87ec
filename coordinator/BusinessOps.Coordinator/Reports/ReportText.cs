using System.Globalization;
using BusinessOps.Core.Time;

namespace BusinessOps.Coordinator.Reports;

/// <summary>How numbers read in reports and on the dashboard (invariant culture; "—" where there was nothing to measure).</summary>
public static class ReportText
{
    public const string Missing = "—";

    public static string Percent(double? fraction) =>
        fraction is { } f ? (f * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : Missing;

    public static string Usd(decimal? amount) =>
        amount is { } a ? "$" + a.ToString(a >= 100 ? "#,0.00" : "0.00##", CultureInfo.InvariantCulture) : Missing;

    public static string Count(int n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A duration in words (<c>3 h 25 min</c>, <c>45 s</c>); "—" when unknown.</summary>
    public static string Duration(double? seconds) =>
        seconds is { } s ? Durations.Words(TimeSpan.FromSeconds(Math.Round(s))) : Missing;

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The period in words: "today", "the last 7 days".</summary>
    public static string Period(string name) => name switch
    {
        "day" => "today (UTC)",
        "week" => "the last 7 days",
        _ => "the last 30 days",
    };

    /// <summary>A raw number for machines (data attributes), invariant, or empty.</summary>
    public static string Raw(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? string.Empty;
}
