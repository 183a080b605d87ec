using System.Globalization;
using BusinessOps.Automation.Issues;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;

namespace BusinessOps.Coordinator.Automation;

/// <summary>
/// Escalations hand over for real: an issue that breached its SLA or was escalated (third failure, <c>/escalate</c>)
/// gets one oversight issue for the project-manager agent, and a note linking to it — linked both ways. The note is the
/// record: once it is there, closing the oversight issue does not open another.
/// </summary>
internal static class OversightRunner
{
    public const string NoteKey = "oversight";

    public static async Task RunAsync(IReadOnlyList<IssueSnapshot> open, ISet<int> owned, AutomationIndex index, AutomationWriter writer, string identity, CancellationToken cancellationToken)
    {
        var marker = IssueStateReader.NoteMarker(NoteKey);
        foreach (var issue in open)
        {
            if (owned.Contains(issue.Number)
                || !(issue.HasLabel(LabelNames.For(IssueStatus.Escalated)) || issue.HasLabel(LabelNames.SlaBreached))
                || (string.Equals(issue.Author, identity, StringComparison.OrdinalIgnoreCase) && AutomationMarker.TryParse(issue.Body, out var k)
                    && k.Kind is AutomationKinds.Oversight or AutomationKinds.WorkflowChild) // a workflow's step escalates through its planner
                || issue.Comments.Any(c => string.Equals(c.Author, identity, StringComparison.OrdinalIgnoreCase) && c.Body.Contains(marker, StringComparison.Ordinal)))
            {
                continue;
            }

            var why = issue.HasLabel(LabelNames.SlaBreached) ? "it breached its SLA" : "it was escalated (repeated failures or `/escalate`)";
            var clients = Tenancy.ClientsOf(issue.Labels);
            var spec = OversightIssues.ForIssue(issue.Number, issue.Title, why, clients.Count == 1 ? clients[0] : null);
            if (await writer.OpenAsync(spec, "hand-over of #" + issue.Number.ToString(CultureInfo.InvariantCulture), routed: true, cancellationToken) is { } oversight)
            {
                // Under the escalated issue as a sub-issue where GitHub allows, before the note that records the hand-over
                // (a pass stopped in between links again and meets "already has a parent"); the note links both ways anyway.
                await writer.LinkAsync(issue.Number, oversight.Number, cancellationToken);
                await writer.NoteAsync(issue, NoteKey, string.Create(CultureInfo.InvariantCulture, $"Handed to `{AgentNames.ProjectManager}` for oversight in #{oversight.Number}; the work itself continues here."), identity, cancellationToken);
            }
        }
    }
}
