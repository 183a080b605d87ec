namespace BusinessOps.Core.Kpis;

/// <summary>What an alert is about (<c>policies/alerts.yml</c>, <c>rules:</c>).</summary>
public enum AlertKind
{
    /// <summary>An open issue breached its SLA.</summary>
    SlaBreach,

    /// <summary>An agent's last runs all failed.</summary>
    FailureStreak,

    /// <summary>An executor failed dispatches in a pass.</summary>
    ExecutorFailing,

    /// <summary>Today's spending passed a share of a daily limit.</summary>
    Spending,

    /// <summary>A schedule did not open the issue of a slot.</summary>
    MissedSlot,
}
