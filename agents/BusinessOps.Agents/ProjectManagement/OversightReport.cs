namespace BusinessOps.Agents.ProjectManagement;

/// <summary>Escalated, SLA-breached and blocked issues among <see cref="Examined"/> open issues.</summary>
internal sealed record OversightReport(int Examined, IReadOnlyList<OversightItem> Escalated, IReadOnlyList<OversightItem> Breached, IReadOnlyList<OversightItem> Blocked);
