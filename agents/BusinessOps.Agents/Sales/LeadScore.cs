namespace BusinessOps.Agents.Sales;

/// <summary>BANT points (each 0–25), total 0–100, grade and next action.</summary>
internal sealed record LeadScore(int Budget, int Authority, int Need, int Timing, string Grade, string NextAction)
{
    public int Total => Budget + Authority + Need + Timing;
}
