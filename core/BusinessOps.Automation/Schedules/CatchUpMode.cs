namespace BusinessOps.Automation.Schedules;

/// <summary>What a schedule does with slots missed while nothing ran (downtime, a failing pass).</summary>
public enum CatchUpMode
{
    /// <summary>Open the newest missed slot only (the default): one morning briefing after a weekend outage, not three.</summary>
    Latest,

    /// <summary>Open every missed slot within the catch-up window, oldest first (reports that must exist per period).</summary>
    All,

    /// <summary>Open nothing late: a slot opens only within the grace period after its time.</summary>
    None,
}
