namespace BusinessOps.Core.Governance;

/// <summary>One governance decision for the audit trail. <see cref="Actor"/> and <see cref="Reason"/> may hold user text.</summary>
/// <param name="At">When the decision was made.</param>
/// <param name="Actor">Who made it: a login, an agent, or the coordinator.</param>
/// <param name="Decision">What was decided (<c>approved</c>, <c>ignored /approve</c>, <c>escalated</c>).</param>
/// <param name="Reason">Why, for people.</param>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Decision, string Reason);
