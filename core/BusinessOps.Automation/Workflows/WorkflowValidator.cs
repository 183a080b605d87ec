using System.Text.Json.Nodes;
using BusinessOps.Core.Labels;

namespace BusinessOps.Automation.Workflows;

/// <summary>
/// Everything that makes a workflow unrunnable, found before it runs: unknown agents, needs naming no step, a step
/// needing itself, cycles, inputs mapped from steps not needed or from fields the source's output schema does not
/// declare, and type mismatches between a mapped output (or start input, or constant) and the input schema.
/// </summary>
public static class WorkflowValidator
{
    /// <summary>Most steps a workflow may have; real ones have a handful.</summary>
    public const int MaxSteps = 50;

    public static IReadOnlyList<WorkflowProblem> Validate(WorkflowDefinition workflow)
    {
        var problems = new List<WorkflowProblem>();
        var steps = workflow.Steps;
        var ids = steps.Select(s => s.Id).ToList();
        if (steps.Count == 0)
        {
            problems.Add(new WorkflowProblem(string.Empty, "steps", "a workflow needs at least one step"));
        }

        if (steps.Count > MaxSteps)
        {
            problems.Add(new WorkflowProblem(string.Empty, "steps", $"{steps.Count} steps; a workflow may have at most {MaxSteps}"));
        }

        foreach (var duplicate in ids.GroupBy(i => i, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(new WorkflowProblem(duplicate.Key, "id", $"two steps are called '{duplicate.Key}'; step ids must be unique"));
        }

        foreach (var step in steps)
        {
            CheckStep(workflow, step, ids, problems);
        }

        if (WorkflowGraph.FindCycle(steps) is { } cycle)
        {
            problems.Add(new WorkflowProblem(cycle[0], "needs", $"the steps form a cycle: {string.Join(" → ", cycle)}; a workflow's needs must not loop back") { NeedsEntry = cycle[1] });
        }

        return problems;
    }

    private static void CheckStep(WorkflowDefinition workflow, WorkflowStep step, List<string> ids, List<WorkflowProblem> problems)
    {
        if (!AgentNames.All.Contains(step.Agent))
        {
            problems.Add(new WorkflowProblem(step.Id, "agent", $"unknown agent '{step.Agent}'; expected one of {string.Join(", ", AgentNames.All)}") { Unknown = step.Agent, Candidates = AgentNames.All });
        }

        foreach (var need in step.Needs)
        {
            if (need == step.Id)
            {
                problems.Add(new WorkflowProblem(step.Id, "needs", $"step '{step.Id}' needs itself") { NeedsEntry = need });
            }
            else if (!ids.Contains(need))
            {
                problems.Add(new WorkflowProblem(step.Id, "needs", $"step '{step.Id}' needs '{need}', which is not a step of this workflow; steps: {string.Join(", ", ids)}")
                {
                    NeedsEntry = need,
                    Unknown = need,
                    Candidates = ids,
                });
            }
        }

        if (step.Review is { Agent: { } reviewer } && !AgentNames.All.Contains(reviewer))
        {
            problems.Add(new WorkflowProblem(step.Id, "review", $"unknown review agent '{reviewer}'") { Unknown = reviewer, Candidates = AgentNames.All });
        }

        var ancestors = WorkflowGraph.Ancestors(workflow.Steps, step.Id);
        foreach (var (name, source) in step.Inputs)
        {
            CheckInput(workflow, step, name, source, ancestors, problems);
        }
    }

    private static void CheckInput(WorkflowDefinition workflow, WorkflowStep step, string name, InputSource source, IReadOnlySet<string> ancestors, List<WorkflowProblem> problems)
    {
        var where = "inputs." + name;
        var expected = step.InputSchema?.TypesAt(name);
        if (step.InputSchema is { } own && own.DeclaresNo(name))
        {
            problems.Add(new WorkflowProblem(step.Id, where, $"input '{name}' of step '{step.Id}' is not declared in its input schema (properties: {string.Join(", ", own.PropertyNames)})")
            {
                Unknown = name,
                Candidates = [.. own.PropertyNames],
            });
        }

        IReadOnlyList<string>? actual = null;
        string what;
        switch (source)
        {
            case StepOutputSource from:
                what = $"'{from.Describe()}'";
                if (workflow.Step(from.Step) is not { } producer)
                {
                    problems.Add(new WorkflowProblem(step.Id, where, $"input '{name}' maps from step '{from.Step}', which is not a step of this workflow")
                    {
                        Unknown = from.Step,
                        Candidates = [.. workflow.Steps.Select(s => s.Id)],
                    });
                    return;
                }

                if (!ancestors.Contains(from.Step))
                {
                    problems.Add(new WorkflowProblem(step.Id, where, $"input '{name}' maps from step '{from.Step}', which step '{step.Id}' does not need; add '{from.Step}' to its needs so the output exists when it starts"));
                    return;
                }

                if (producer.OutputSchema is { } schema && schema.DeclaresNo(from.Path))
                {
                    problems.Add(new WorkflowProblem(step.Id, where, $"input '{name}' maps '{from.Describe()}', but the output schema of step '{from.Step}' declares no field '{from.Path.Split('.')[0]}' (fields: {string.Join(", ", schema.PropertyNames)})")
                    {
                        Unknown = from.Path.Split('.')[0],
                        Candidates = [.. schema.PropertyNames],
                    });
                    return;
                }

                actual = producer.OutputSchema?.TypesAt(from.Path);
                break;
            case WorkflowInputSource input:
                what = $"the start input '{input.Name}'";
                actual = workflow.InputSchema?.TypesAt(input.Name);
                break;
            case LiteralSource literal:
                what = $"the constant {Shorten(literal.Describe())}";
                actual = [JsonKind(literal.Value)];
                break;
            default:
                return;
        }

        if (expected is { Count: > 0 } e && actual is { Count: > 0 } a && !a.Any(t => Compatible(t, e)))
        {
            problems.Add(new WorkflowProblem(step.Id, where,
                $"type mismatch: input '{name}' of step '{step.Id}' expects {string.Join(" or ", e)}, but {what} is {string.Join(" or ", a)}"));
        }
    }

    // integer is a number; a number is not an integer (3.5 would fail), but a declared number may still hold one.
    private static bool Compatible(string actual, IReadOnlyList<string> expected) =>
        expected.Contains(actual) || (actual == "integer" && expected.Contains("number")) || (actual == "number" && expected.Contains("integer"));

    internal static string JsonKind(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v when v.TryGetValue<bool>(out _) => "boolean",
        JsonValue v when v.TryGetValue<string>(out _) => "string",
        JsonValue v when v.TryGetValue<long>(out _) => "integer",
        _ => "number",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
