using BusinessOps.Core.Issues;

namespace BusinessOps.Coordinator.Automation;

/// <summary>
/// What the automation step of a pass did: the issues <c>Decide</c> reconciles next (the open ones minus the automation's
/// own, plus the agent issues it just opened, so they are dispatched in the same pass; for <c>coordinator schedule</c>: the
/// issues it opened), and how many it opened and closed.
/// </summary>
public sealed record AutomationOutcome(IReadOnlyList<IssueSnapshot> ToReconcile, int Opened, int Closed);
