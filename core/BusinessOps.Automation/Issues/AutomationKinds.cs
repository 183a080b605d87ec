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
}
