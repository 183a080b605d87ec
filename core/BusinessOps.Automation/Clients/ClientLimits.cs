namespace BusinessOps.Automation.Clients;

/// <summary>
/// A client's limits: agent spend per day in US dollars (checked like the global daily spending limit, but on this
/// client's issues only), and how many of its issues may run at once (its fair share of Batch and local slots).
/// </summary>
public sealed record ClientLimits(decimal? DailySpendUsd, int? MaxConcurrent)
{
    /// <summary>Weight in the fair share of a pass's new runs between clients with queued work (1 unless set).</summary>
    public int Share { get; init; } = 1;

    public static ClientLimits None { get; } = new(null, null);
}
