using System.Globalization;
using System.Text;
using BusinessOps.Core.Governance;

namespace BusinessOps.Automation.Workflows;

/// <summary>
/// The parent issue's task list: one GitHub task-list line per step (checked when passed) with its agent, phase and
/// issues. Notes may quote children's errors, so they are already made inert by the planner.
/// </summary>
internal static class TaskListWriter
{
    public static string Write(WorkflowDefinition workflow, WorkflowRun run, WorkflowStatus status, IReadOnlyList<StepView> steps)
    {
        var sb = new StringBuilder();
        var passed = steps.Count(s => s.Phase == StepPhase.Passed);
        sb.Append(CultureInfo.InvariantCulture, $"### {MarkdownSafe.Inline(workflow.Title, 100)} — {Describe(status)} ({passed} of {steps.Count} steps done)");
        if (run.Client is { } client)
        {
            sb.Append(CultureInfo.InvariantCulture, $" · client `{MarkdownSafe.Inline(client, 50)}`");
        }

        sb.Append("\n\n");
        foreach (var s in steps)
        {
            var phase = Phase(s.Phase);
            sb.Append(s.Phase == StepPhase.Passed ? "- [x] " : "- [ ] ")
                .Append("**").Append(MarkdownSafe.Inline(s.Step.DisplayTitle, 100)).Append("** ")
                .Append(CultureInfo.InvariantCulture, $"(`{s.Step.Id}`, {s.Step.Agent}) — {phase}");

            // Notes may already start with the phase ("not started: `qa` did not pass"): say it once.
            var note = s.Note.StartsWith(phase + ": ", StringComparison.Ordinal) ? s.Note[(phase.Length + 2)..] : s.Note;
            if (note.Length > 0 && note != phase)
            {
                sb.Append(": ").Append(note);
            }

            AppendIssue(sb, "", s.Issue);
            AppendIssue(sb, "review ", s.ReviewIssue);
            AppendIssue(sb, "approval ", s.GateIssue);
            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static void AppendIssue(StringBuilder sb, string what, int? issue)
    {
        if (issue is { } n)
        {
            sb.Append(CultureInfo.InvariantCulture, $" · {what}#{n}");
        }
    }

    private static string Describe(WorkflowStatus status) => status switch
    {
        WorkflowStatus.Running => "running",
        WorkflowStatus.Completed => "completed",
        WorkflowStatus.Failed => "failed",
        WorkflowStatus.Escalated => "escalated",
        _ => "cancelled",
    };

    private static string Phase(StepPhase phase) => phase switch
    {
        StepPhase.Waiting => "waiting",
        StepPhase.Running => "running",
        StepPhase.InReview => "in review",
        StepPhase.AwaitingGate => "awaiting approval",
        StepPhase.Passed => "done",
        StepPhase.Failed => "failed",
        StepPhase.Escalated => "escalated",
        StepPhase.Cancelled => "cancelled",
        _ => "not started",
    };
}
