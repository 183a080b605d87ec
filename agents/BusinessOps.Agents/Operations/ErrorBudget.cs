namespace BusinessOps.Agents.Operations;

/// <summary>
/// Uptime over the checks recorded on the issue (earlier runs and this one) against the availability objective:
/// <see cref="Allowed"/> failed checks the budget permits, <see cref="Consumed"/> its share used (1 = exhausted) and
/// <see cref="BurnRate"/> how fast it burns (1 = exactly at the objective, 2 = twice as fast).
/// </summary>
internal sealed record ErrorBudget(int Runs, int Checks, int Failed, double Uptime, double Objective)
{
    public double Allowed => Checks * (1 - Objective);

    public double Consumed => Allowed <= 0 ? (Failed > 0 ? double.PositiveInfinity : 0) : Failed / Allowed;

    public double BurnRate => Checks == 0 || Objective >= 1 ? 0 : (1 - Uptime) / (1 - Objective);
}
