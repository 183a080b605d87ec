using System.Text.Json.Nodes;

namespace BusinessOps.Automation.Workflows;

/// <summary>Builds a step's input from its mappings: earlier steps' outputs, start inputs and constants.</summary>
internal static class StepInputs
{
    /// <summary>The input, or null with the reasons it cannot be built (a mapped output missing, a schema violation).</summary>
    public static JsonObject? Build(WorkflowStep step, JsonObject startInputs, IReadOnlyDictionary<string, StepView> views, out IReadOnlyList<string> problems)
    {
        var input = new JsonObject();
        var missing = new List<string>();
        foreach (var (name, source) in step.Inputs)
        {
            switch (source)
            {
                case StepOutputSource from:
                    if (views.TryGetValue(from.Step, out var producer) && Read(producer.Outputs, from.Path) is { } value)
                    {
                        input[name] = value.DeepClone();
                    }
                    else
                    {
                        missing.Add($"input '{name}': step '{from.Step}' produced no '{from.Path}'");
                    }

                    break;
                case WorkflowInputSource start:
                    if (startInputs.TryGetPropertyValue(start.Name, out var given) && given is not null)
                    {
                        input[name] = given.DeepClone();
                    }

                    break;
                case LiteralSource literal:
                    input[name] = literal.Value?.DeepClone();
                    break;
            }
        }

        // An absent mapped output is only fatal when the schema requires the field; otherwise the schema (or the agent) decides.
        var violations = step.InputSchema?.Validate(input) ?? [];
        problems = violations.Count > 0 ? [.. violations.Select(v => "input " + v), .. missing] : [];
        return problems.Count == 0 ? input : null;
    }

    public static JsonNode? Read(JsonObject? outputs, string path)
    {
        JsonNode? node = outputs;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var child) ? child : null;
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }
}
