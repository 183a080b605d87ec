using BusinessOps.Automation.Schedules;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Kpis;

namespace BusinessOps.Coordinator.Reports.Scheduled;

/// <summary>An open slot issue of a schedule with <c>report:</c>: the slot, its client (null: the whole business), the period kind.</summary>
public sealed record ReportSlot(SlotKey Key, string? Client, KpiPeriodKind Period, IssueSnapshot Issue)
{
    /// <summary>The hidden marker of the slot's report comment: one per slot, so a rerun of the same period writes nothing.</summary>
    public string Marker => "<!-- businessops:report " + Key.Value + " -->";

    /// <summary>
    /// The whole UTC days before the slot's day (7 for a week, 30 for a month, 1 for a day), so a report made late
    /// (after downtime, by catch-up) covers the same days as one made on time.
    /// </summary>
    public KpiPeriod Covered()
    {
        var end = new DateTimeOffset(Key.Utc.UtcDateTime.Date, TimeSpan.Zero);
        var days = KpiPeriod.Ending(Period, end).Days;
        return new KpiPeriod(Period, end.AddDays(-days), end.AddTicks(-1));
    }
}
