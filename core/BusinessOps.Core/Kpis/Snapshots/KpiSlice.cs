namespace BusinessOps.Core.Kpis.Snapshots;

/// <summary>
/// The counts of one slice of the period (everything, one agent, one priority, one client, one day) and the rates
/// derived from them. A rate with nothing to measure is null (shown as "—"), never a flattering 100 %.
/// </summary>
/// <param name="Processed">Issues the coordinator worked on during the period.</param>
/// <param name="Done">Of those, finished (<c>status/done</c>) in the period.</param>
/// <param name="Automated">Done without any human command (approve, reject, decide, retry, hold, re-prioritise…).</param>
/// <param name="SlaTotal">Issues whose SLA was settled or lost in the period: done in it, or breached.</param>
/// <param name="SlaMet">Of those, done without breaching.</param>
/// <param name="Results">Agent results recorded on the processed issues.</param>
/// <param name="FailedResults">Of those, failures.</param>
/// <param name="CostUsd">What the processed issues' executions cost.</param>
/// <param name="Escalations">Processed issues that were escalated.</param>
/// <param name="Breaches">Processed issues that breached their SLA.</param>
public sealed record KpiSlice(
    int Processed,
    int Done,
    int Automated,
    int SlaTotal,
    int SlaMet,
    int Results,
    int FailedResults,
    decimal CostUsd,
    int Escalations,
    int Breaches)
{
    public static KpiSlice Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0m, 0, 0);

    /// <summary>Done without a human command ÷ done.</summary>
    public double? AutomationRate => Done == 0 ? null : Math.Round((double)Automated / Done, 4);

    /// <summary>Done within SLA ÷ (done + breached).</summary>
    public double? SlaCompliance => SlaTotal == 0 ? null : Math.Round((double)SlaMet / SlaTotal, 4);

    /// <summary>Failed agent results ÷ all agent results.</summary>
    public double? ErrorRate => Results == 0 ? null : Math.Round((double)FailedResults / Results, 4);

    /// <summary>Cost ÷ processed issues (an operation is one issue), USD.</summary>
    public decimal? CostPerOperation => Processed == 0 ? null : Math.Round(CostUsd / Processed, 4);
}
