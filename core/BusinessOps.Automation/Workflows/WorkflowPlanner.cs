using System.Globalization;
using System.Text.Json.Nodes;

namespace BusinessOps.Automation.Workflows;

/// <summary>
/// The pure workflow state machine: from the definition and the children as they stand, what to do next and how the
/// parent reads. Level-triggered like <c>Decide</c>: the plan depends only on its input, so running it twice on the
/// same children asks for the same children (the caller skips keys that already have an issue) and a lost pass
/// loses nothing.
/// </summary>
/// <remarks>
/// Per step, in dependency order: not started → started once everything it needs has passed (steps whose needs are
/// met start together, in parallel) → run done → outputs checked against the output schema (a violation fails the
/// attempt, naming the field) → review (below the bar: the next round, with the feedback in its input; after the
/// last round: escalate) → gate (a person approves) → passed. A failed attempt is retried per the step's
/// <see cref="RetryPolicy"/> (and again on <c>/retry</c>); then the step fails or escalates and no new step starts.
/// <c>/cancel</c> on the parent stops everything not yet started; children already running finish.
/// </remarks>
public static class WorkflowPlanner
{
    public static WorkflowPlan Plan(WorkflowDefinition workflow, WorkflowRun run)
    {
        var (order, _) = WorkflowGraph.Sort(workflow.Steps);
        var views = new Dictionary<string, StepView>(StringComparer.Ordinal);
        var starts = new List<(StartChild Command, bool FirstRun)>();
        foreach (var step in order)
        {
            var children = run.Children.Where(c => c.Key.Step == step.Id).ToList();
            views[step.Id] = new StepEvaluation(workflow, run, step, children, views, starts).Evaluate();
        }

        // A step that failed for good stops the workflow: nothing new starts (steps already under way finish their loops).
        var stopped = views.Values.Any(v => v.Phase is StepPhase.Failed or StepPhase.Escalated);
        var commands = new List<WorkflowCommand>();
        foreach (var (command, firstRun) in starts)
        {
            if (stopped && firstRun)
            {
                views[command.Key.Step] = views[command.Key.Step] with { Phase = StepPhase.NotStarted, Note = "not started: the workflow stopped", Issue = null };
                continue;
            }

            commands.Add(command);
        }

        if (stopped)
        {
            foreach (var waiting in views.Values.Where(v => v.Phase == StepPhase.Waiting).ToList())
            {
                views[waiting.Step.Id] = waiting with { Phase = StepPhase.NotStarted, Note = "not started: the workflow stopped" };
            }
        }

        foreach (var view in views.Values.Where(v => v.Phase == StepPhase.Escalated))
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"{workflow.Name}#{run.ParentIssue}/{view.Step.Id}/escalated/r{view.Round}/a{view.Attempt}");
            commands.Add(new EscalateStep(view.Step.Id, view.Note, key));
        }

        var ordered = workflow.Steps.Select(s => views.TryGetValue(s.Id, out var v) ? v : Unreachable(s)).ToList();
        var status = Status(ordered, commands, run.CancelRequested);
        var outputs = status == WorkflowStatus.Completed ? Outputs(ordered) : null;
        return new WorkflowPlan(status, commands, ordered, TaskListWriter.Write(workflow, run, status, ordered)) { Outputs = outputs };
    }

    private static WorkflowStatus Status(List<StepView> steps, List<WorkflowCommand> commands, bool cancelRequested)
    {
        if (steps.Count > 0 && steps.All(s => s.Phase == StepPhase.Passed))
        {
            return WorkflowStatus.Completed;
        }

        if (steps.Any(s => s.IsActive) || commands.OfType<StartChild>().Any())
        {
            return WorkflowStatus.Running;
        }

        if (steps.Any(s => s.Phase == StepPhase.Escalated))
        {
            return WorkflowStatus.Escalated;
        }

        if (steps.Any(s => s.Phase == StepPhase.Failed))
        {
            return WorkflowStatus.Failed;
        }

        return cancelRequested || steps.Any(s => s.Phase == StepPhase.Cancelled) ? WorkflowStatus.Cancelled : WorkflowStatus.Failed;
    }

    private static JsonObject Outputs(List<StepView> steps)
    {
        var all = new JsonObject();
        foreach (var s in steps)
        {
            all[s.Step.Id] = s.Outputs?.DeepClone();
        }

        return all;
    }

    // A step on a cycle: validation rejects such workflows before they run; a plan still answers rather than throws.
    private static StepView Unreachable(WorkflowStep step) => new(step, StepPhase.NotStarted, 0, 0, "not started: its needs form a cycle");
}
