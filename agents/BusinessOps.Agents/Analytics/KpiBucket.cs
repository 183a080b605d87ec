namespace BusinessOps.Agents.Analytics;

/// <summary>Counts for one slice (all, one agent, one priority).</summary>
internal sealed record KpiBucket(int Total, int Done, int DoneWithoutApproval, int DoneWithinSla, int Errors)
{
    public static KpiBucket Empty { get; } = new(0, 0, 0, 0, 0);

    public double AutomationRate => Total == 0 ? 0 : Math.Round((double)DoneWithoutApproval / Total, 4);

    /// <summary>Share of done issues that never breached their SLA; 1 when nothing is done yet (no breach observed).</summary>
    public double SlaCompliance => Done == 0 ? 1 : Math.Round((double)DoneWithinSla / Done, 4);

    public double ErrorRate => Total == 0 ? 0 : Math.Round((double)Errors / Total, 4);

    public KpiBucket Add(bool done, bool approved, bool breached, bool error) => new(
        Total + 1,
        Done + (done ? 1 : 0),
        DoneWithoutApproval + (done && !approved ? 1 : 0),
        DoneWithinSla + (done && !breached ? 1 : 0),
        Errors + (error ? 1 : 0));
}
