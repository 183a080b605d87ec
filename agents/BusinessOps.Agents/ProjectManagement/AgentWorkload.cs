namespace BusinessOps.Agents.ProjectManagement;

/// <summary>One agent's open issues: queued or running, waiting for a person, blocked (on hold, failed, escalated), SLA-breached.</summary>
internal sealed record AgentWorkload(string Agent, string Owner, int Open, int Active, int Waiting, int Blocked, int Breached);
