using System.Text.Json;
using System.Text.Json.Nodes;
using BusinessOps.Automation.Issues;
using BusinessOps.Core.Labels;

namespace BusinessOps.Automation.Workflows;

/// <summary>
/// Starting a run: the parent issue (label <c>workflow/&lt;name&gt;</c>, the client's label, the start inputs, a marker
/// keyed by <c>name/start-key</c> so a retried start opens nothing twice). Its children are then opened by
/// <see cref="WorkflowPlanner"/> as the parent is reconciled.
/// </summary>
public static class WorkflowStarter
{
    /// <summary>The label family that marks (and, filed by a person, starts) a workflow's parent issue.</summary>
    public const string LabelPrefix = "workflow/";

    /// <param name="workflow">The definition.</param>
    /// <param name="inputs">Start inputs (<see cref="ParseInputs"/> for <c>--input key=value</c>).</param>
    /// <param name="client">The client the run belongs to, or null.</param>
    /// <param name="startKey">What makes this start unique: a slot key, a trigger key, the CLI's request id.</param>
    public static WorkflowStart Start(WorkflowDefinition workflow, JsonObject inputs, string? client, string startKey)
    {
        var problems = workflow.InputSchema?.Validate(inputs).Select(p => "start input " + p).ToList() ?? [];
        if (problems.Count > 0)
        {
            return new WorkflowStart(null, problems);
        }

        var labels = new List<string> { LabelPrefix + workflow.Name };
        if (client is not null)
        {
            labels.Add(LabelNames.ClientPrefix + client);
        }

        var fields = new List<FormField>
        {
            new("Workflow", $"{workflow.Title} ({workflow.Name})"),
            new("Steps", string.Join("\n", workflow.Steps.Select(s => $"- {s.DisplayTitle} ({s.Id}, {s.Agent})" + (s.Needs.Count > 0 ? " after " + string.Join(", ", s.Needs) : string.Empty)))),
            new("Inputs", inputs.ToJsonString(AutomationJson.Pretty)) { IsJson = true },
        };
        var title = workflow.Title + (client is null ? string.Empty : $" for {client}");
        return new WorkflowStart(new IssueSpec(title, labels, fields, new AutomationKey(AutomationKinds.Workflow, workflow.Name + "/" + startKey)), []);
    }

    /// <summary>
    /// <c>key=value</c> pairs as start inputs. A value the workflow's input schema declares as a string stays text;
    /// otherwise a JSON number, boolean, array or object is read as such, and anything else is text.
    /// </summary>
    public static JsonObject ParseInputs(WorkflowDefinition workflow, IEnumerable<string> pairs, out IReadOnlyList<string> problems)
    {
        var inputs = new JsonObject();
        var errors = new List<string>();
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                errors.Add($"'{pair}' is not key=value");
                continue;
            }

            var key = pair[..eq].Trim();
            var text = pair[(eq + 1)..];
            var declared = workflow.InputSchema?.TypesAt(key);
            inputs[key] = declared is { } d && d.Contains("string") ? JsonValue.Create(text) : Guess(text);
        }

        problems = errors;
        return inputs;
    }

    /// <summary>The workflow name of a parent marker (<c>name/start-key</c>), or null when the key is not a parent's.</summary>
    public static string? WorkflowOf(AutomationKey key) =>
        key.Kind == AutomationKinds.Workflow && key.Value.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash ? key.Value[..slash] : null;

    private static JsonNode? Guess(string text)
    {
        try
        {
            return JsonNode.Parse(text) ?? JsonValue.Create(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
