namespace BusinessOps.Automation.Issues;

/// <summary>The kinds of <see cref="AutomationKey"/>.</summary>
public static class AutomationKinds
{
    /// <summary>A schedule slot: <c>schedule-id@2026-03-09T15:00:00Z</c>.</summary>
    public const string Slot = "slot";

    /// <summary>A feed item: <c>feed-id/item-hash</c>.</summary>
    public const string FeedItem = "feed";

    /// <summary>A threshold trigger in one cooldown window: <c>rule/client/window-start</c>.</summary>
    public const string Trigger = "trigger";

    /// <summary>A workflow's parent issue: <c>workflow-name/start-key</c>.</summary>
    public const string Workflow = "workflow";

    /// <summary>A workflow child issue: <c>#parent/step/run/r1/a1</c>.</summary>
    public const string WorkflowChild = "workflow-child";

    /// <summary>The automation ledger's own issue: <c>automation</c>.</summary>
    public const string Ledger = "ledger";

    /// <summary>An oversight issue for the project-manager agent: <c>#12</c> (an escalated or breached issue) or a workflow step's escalation key.</summary>
    public const string Oversight = "oversight";

    /// <summary>A one-off note of the automation on an issue (a skipped slot, a hand-over link): its key within the issue.</summary>
    public const string Note = "note";

    /// <summary>The task-list comment of a workflow's parent issue: the parent's key.</summary>
    public const string WorkflowStatus = "workflow-status";
}
