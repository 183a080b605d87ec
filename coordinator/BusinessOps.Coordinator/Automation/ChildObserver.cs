using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Automation.Workflows;
using BusinessOps.Core.Decisions;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;

namespace BusinessOps.Coordinator.Automation;

/// <summary>
/// A workflow child issue as the planner sees it. An agent's child follows its <c>status/*</c> label and its trusted
/// result record (outputs from the last completed result); a person's review or gate follows the first
/// <c>/approve</c> or <c>/reject</c> by someone with write access (<see cref="PermissionCache"/>).
/// </summary>
internal static class ChildObserver
{
    /// <param name="child">The child issue.</param>
    /// <param name="key">Its key in the run.</param>
    /// <param name="role">For a person's review or gate: the approvals.yml role whose members decide it.</param>
    /// <param name="identity">The coordinator's login: its own comments are never decisions.</param>
    /// <param name="permissions">Permissions and role membership, asked once per login.</param>
    /// <param name="writer">Where a decision that does not count gets its one-line answer.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    public static async Task<ChildObservation> ObserveAsync(IssueSnapshot child, ChildKey key, string? role, string identity, PermissionCache permissions, AutomationWriter writer, CancellationToken cancellationToken)
    {
        if (!child.Labels.Any(l => l.StartsWith(LabelNames.AgentPrefix, StringComparison.OrdinalIgnoreCase)))
        {
            return await PersonAsync(child, key, role, identity, permissions, writer, cancellationToken);
        }

        var results = IssueStateReader.Results(child, identity);
        if (child.HasLabel(LabelNames.For(IssueStatus.Done)))
        {
            var last = results.LastOrDefault(r => r.Record.Outcome == AgentOutcome.Completed).Record;
            return new ChildObservation(key, ChildStatus.Done, child.Number, last?.Outputs ?? [], null);
        }

        if (child.HasLabel(LabelNames.For(IssueStatus.Escalated)) || child.HasLabel(LabelNames.For(IssueStatus.NeedsTriage)))
        {
            var why = results.LastOrDefault(r => r.Record.Outcome == AgentOutcome.Failed).Record?.Error
                ?? (child.HasLabel(LabelNames.For(IssueStatus.NeedsTriage)) ? "its issue needs triage" : "it was escalated after repeated failures");
            return new ChildObservation(key, ChildStatus.Failed, child.Number, null, why);
        }

        return child.State == IssueState.Closed
            ? new ChildObservation(key, ChildStatus.Cancelled, child.Number, null, "closed before it was done")
            : new ChildObservation(key, ChildStatus.Running, child.Number, null, null);
    }

    private static async Task<ChildObservation> PersonAsync(IssueSnapshot child, ChildKey key, string? role, string identity, PermissionCache permissions, AutomationWriter writer, CancellationToken cancellationToken)
    {
        foreach (var comment in child.Comments.Where(c => !string.Equals(c.Author, identity, StringComparison.OrdinalIgnoreCase) && !c.AuthorIsBot))
        {
            if (CommandParser.Parse(comment) is not { Kind: CommandKind.Approve or CommandKind.Reject } command
                || !await permissions.CanWriteAsync(comment.Author, cancellationToken))
            {
                continue;
            }

            if (role is not null && !await permissions.InRoleAsync(comment.Author, role, cancellationToken))
            {
                await writer.NoteAsync(child, string.Create(CultureInfo.InvariantCulture, $"not-in-role-{comment.Id}"), NotInRole(comment, command.Kind, role, permissions.Members(role)), identity, cancellationToken);
                continue;
            }

            var outputs = new JsonObject { ["approved"] = command.Kind == CommandKind.Approve, ["by"] = comment.Author };
            if (command.Kind == CommandKind.Reject)
            {
                outputs["feedback"] = MarkdownSafe.Inline(command.Argument ?? string.Empty, 2000);
            }

            return new ChildObservation(key, ChildStatus.Done, child.Number, outputs, null);
        }

        return child.State == IssueState.Closed
            ? new ChildObservation(key, ChildStatus.Cancelled, child.Number, null, "closed without /approve or /reject")
            : new ChildObservation(key, ChildStatus.Running, child.Number, null, null);
    }

    private static string NotInRole(IssueComment comment, CommandKind kind, string role, IReadOnlyList<string> members)
    {
        var who = members.Count == 0
            ? $"`{role}` has no members in `policies/approvals.yml`: add the people who decide this there"
            : $"ask a member of `{role}` ({string.Join(", ", members.Take(10).Select(m => "`" + MarkdownSafe.Inline(m, 60) + "`"))})";
        var verb = kind == CommandKind.Approve ? "/approve" : "/reject";
        return $"`{verb}` by `{MarkdownSafe.Inline(comment.Author, 60)}` does not count: this step needs the `{role}` role of `policies/approvals.yml`. To decide it, {who}.";
    }
}
