using BusinessOps.Automation.Workflows;
using BusinessOps.Policies.Validation;
using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Binding.Automation;

/// <summary>
/// One <c>workflows/&lt;name&gt;.yml</c>: <c>title</c>, <c>description</c>, <c>inputs</c> (a JSON Schema of the start
/// inputs) and <c>steps</c>. The definition is then checked by <see cref="WorkflowValidator"/> (cycles, unknown steps and
/// agents, type mismatches) and each problem is reported at the YAML node it concerns.
/// </summary>
internal static class WorkflowBinder
{
    public static WorkflowDefinition? Bind(YamlValue root, FileDiagnostics diagnostics, string fileName)
    {
        var read = new ValueReader(diagnostics);
        if (MapReader.Open(diagnostics, root, string.Empty, "name", "title", "description", "inputs", "steps") is not { } file)
        {
            return null;
        }

        var name = fileName;
        if (file.Get("name") is { } n && AutomationIds.Read(read, n, "name") is { } written && written != fileName)
        {
            diagnostics.Error(n, $"'name' is '{written}' but the file is {fileName}.yml; a workflow is named after its file, so rename one of them");
        }

        if (!AutomationIds.IsValid(fileName))
        {
            diagnostics.Error(0, 0, $"workflow file names are lowercase letters, digits and '-' ending in .yml; rename '{fileName}.yml'");
        }

        var title = file.Get("title") is { } t ? read.Text(t, "title", 100) : null;
        var description = file.Get("description") is { } d ? read.Text(d, "description", 1000) : null;
        var inputSchema = file.Get("inputs") is { } i ? WorkflowStepReader.Schema(read, i, "inputs") : null;
        var positions = new Dictionary<string, StepNodes>(StringComparer.Ordinal);
        var steps = new List<WorkflowStep>();
        if (file.Require("steps") is { } s && read.List(s, "steps") is { } items)
        {
            for (var k = 0; k < items.Count; k++)
            {
                if (WorkflowStepReader.Read(read, items[k], $"steps[{k}]") is { } bound)
                {
                    steps.Add(bound.Step);
                    positions.TryAdd(bound.Step.Id, bound.Nodes);
                }
            }
        }

        var workflow = new WorkflowDefinition(name, title ?? name, steps) { Description = description ?? string.Empty, InputSchema = inputSchema };
        if (diagnostics.HasErrors)
        {
            // Graph checks on a partly bound workflow would report echoes of the errors already found.
            return workflow;
        }

        foreach (var problem in WorkflowValidator.Validate(workflow))
        {
            var at = Position(problem, positions, file.Map);
            var hint = problem.Unknown is { } unknown ? Suggest.Hint(unknown, problem.Candidates) : string.Empty;
            diagnostics.Error(at, problem.Message + hint);
        }

        if (!diagnostics.HasErrors)
        {
            foreach (var problem in AgentContract.Check(workflow))
            {
                var hint = problem.Unknown is { } unknown ? Suggest.Hint(unknown, problem.Candidates) : string.Empty;
                diagnostics.Contract(Position(problem, positions, file.Map), problem.Message + hint);
            }
        }

        return workflow;
    }

    private static YamlValue Position(WorkflowProblem problem, Dictionary<string, StepNodes> positions, YamlValue fallback)
    {
        if (!positions.TryGetValue(problem.Step, out var nodes))
        {
            return fallback;
        }

        if (problem.Location == "needs" && problem.NeedsEntry is { } entry && nodes.Needs.TryGetValue(entry, out var need))
        {
            return need;
        }

        if (problem.Location.StartsWith("inputs.", StringComparison.Ordinal) && nodes.Inputs.TryGetValue(problem.Location[7..], out var input))
        {
            return input;
        }

        return problem.Location switch
        {
            "agent" => nodes.Agent ?? nodes.Step,
            "review" => nodes.Review ?? nodes.Step,
            _ => nodes.Step,
        };
    }
}
