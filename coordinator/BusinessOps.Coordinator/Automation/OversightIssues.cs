using System.Globalization;
using BusinessOps.Automation.Issues;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;

namespace BusinessOps.Coordinator.Automation;

/// <summary>
/// The one oversight issue for the project-manager agent per escalation: an issue that breached its SLA or failed for
/// the third time, or a workflow step that ran out of retries or review rounds. Keyed, so repeating a pass opens none twice.
/// </summary>
internal static class OversightIssues
{
    public const string Label = "management/oversight";

    /// <summary>For an escalated or breached issue <paramref name="number"/>.</summary>
    public static IssueSpec ForIssue(int number, string title, string why, string? client)
    {
        var n = number.ToString(CultureInfo.InvariantCulture);
        return Spec(
            $"Oversight: #{n} {MarkdownSafe.Inline(title, 180)}",
            client,
            [new FormField("Escalated issue", "#" + n), new FormField("Why", why), new FormField("What to do", "Find out what blocks it, unblock or re-plan it, and say so on the issue.")],
            "#" + n);
    }

    /// <summary>For a workflow step that escalated (<paramref name="key"/> from the planner).</summary>
    public static IssueSpec ForStep(string workflowTitle, int parent, string step, string reason, string? client, string key) =>
        Spec(
            string.Create(CultureInfo.InvariantCulture, $"Oversight: [{MarkdownSafe.Inline(workflowTitle, 100)} #{parent}] step {step} escalated"),
            client,
            [new FormField("Workflow", string.Create(CultureInfo.InvariantCulture, $"#{parent}")), new FormField("Step", step), new FormField("Why", reason)],
            key);

    private static IssueSpec Spec(string title, string? client, List<FormField> fields, string key)
    {
        var labels = new List<string> { Label, LabelNames.AgentPrefix + AgentNames.ProjectManager, LabelNames.For(Priority.P2) };
        if (client is not null)
        {
            labels.Add(LabelNames.ClientPrefix + client);
        }

        return new IssueSpec(title.Length <= IssueSpec.MaxTitleChars ? title : title[..(IssueSpec.MaxTitleChars - 1)] + "…", labels, fields, new AutomationKey(AutomationKinds.Oversight, key));
    }
}
