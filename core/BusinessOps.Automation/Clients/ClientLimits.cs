namespace BusinessOps.Automation.Clients;

/// <summary>
/// A client's limits: agent spend per day in US dollars (checked like the global daily spending limit, but on this
/// client's issues only), and how many of its issues may run at once (its fair share of Batch and local slots).
/// </summary>
public sealed record ClientLimits(decimal? DailySpendUsd, int? MaxConcurrent)
{
    public static ClientLimits None { get; } = new(null, null);
}
