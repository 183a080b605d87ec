namespace BusinessOps.Core.Governance;

/// <summary>The SLA clock's reading: maps to no label, <c>sla/at-risk</c>, <c>sla/breached</c>.</summary>
public enum SlaState
{
    Ok = 0,
    AtRisk,
    Breached,
}
