namespace BusinessOps.Core.Governance;

/// <summary>The SLA clock of one issue at one moment.</summary>
/// <param name="State">Ok, at risk (≥ the at-risk fraction of the target) or breached (past the target).</param>
/// <param name="Elapsed">Time counted against the SLA: since the priority was set, minus human waits.</param>
/// <param name="Remaining">Time left until the target; zero once reached.</param>
/// <param name="Target">The priority's resolution target.</param>
public sealed record SlaReading(SlaState State, TimeSpan Elapsed, TimeSpan Remaining, TimeSpan Target)
{
    /// <summary>How far past the target (zero when not breached).</summary>
    public TimeSpan Overdue => Elapsed > Target ? Elapsed - Target : TimeSpan.Zero;
}
