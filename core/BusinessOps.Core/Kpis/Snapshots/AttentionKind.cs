namespace BusinessOps.Core.Kpis.Snapshots;

/// <summary>Why an open issue needs a person now.</summary>
public enum AttentionKind
{
    /// <summary>A plan waits for approval.</summary>
    Approval,

    /// <summary>Decision support (L3): a person decides.</summary>
    Decision,

    /// <summary>Escalated: failures or a timed-out approval.</summary>
    Escalation,

    /// <summary>Past its SLA and not done.</summary>
    Breach,

    /// <summary>Bad input: the filer must fix the issue.</summary>
    Triage,
}
