using System.Globalization;
using System.Text.Json.Nodes;
using BusinessOps.Automation.Issues;
using BusinessOps.Core.Labels;

namespace BusinessOps.Automation.Workflows;

/// <summary>The issue that carries one child of a run: who does it, what it gets, and the marker that ties it to the parent.</summary>
internal static class ChildIssues
{
    public static IssueSpec For(WorkflowDefinition workflow, WorkflowRun run, WorkflowStep step, ChildKey key, JsonObject input)
    {
        var labels = new List<string>(step.Labels);
        string? agent = key.Kind switch
        {
            ChildKind.Run => step.Agent,
            ChildKind.Review => step.Review?.Agent,
            _ => null,
        };
        string? role = key.Kind switch
        {
            ChildKind.Review when step.Review?.Agent is null => step.Review?.Role,
            ChildKind.Gate => step.Gate?.Role,
            _ => null,
        };
        if (agent is not null)
        {
            labels.Add(LabelNames.AgentPrefix + agent);
        }
        else
        {
            labels.Add(LabelNames.ReviewRequested);
        }

        if (step.Priority is { } priority)
        {
            labels.Add(LabelNames.For(priority));
        }

        if (run.Client is { } client)
        {
            labels.Add(LabelNames.ClientPrefix + client);
        }

        var fields = new List<FormField>
        {
            new("Workflow", string.Create(CultureInfo.InvariantCulture, $"{workflow.Title} ({workflow.Name}), #{run.ParentIssue}")),
            new("Step", $"{step.DisplayTitle} ({step.Id})"),
        };
        if (role is not null)
        {
            fields.Add(new FormField(key.Kind == ChildKind.Gate ? "Approval needed from" : "Review needed from", $"{role} (approvals.yml role)"));
        }

        if (key.Kind == ChildKind.Gate && step.Gate?.Note is { } note)
        {
            fields.Add(new FormField("What to check", note));
        }

        // Agents read issue-form fields, not JSON: each input is also a field of its own name, so a step whose inputs are
        // named after its agent's fields (Feature, Acceptance criteria, … — docs/AGENTS.md) is read like a filed form.
        var taken = fields.Select(f => f.Name).Append("Input").ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in input)
        {
            if (value is not null && taken.Add(name))
            {
                fields.Add(FieldOf(name, value));
            }
        }

        fields.Add(new FormField("Input", input.ToJsonString(AutomationJson.Pretty)) { IsJson = true });
        var reference = new WorkflowChildRef(workflow.Name, run.ParentIssue, key);
        return new IssueSpec(Title(workflow, run, step, key), labels.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), fields, reference.ToAutomationKey());
    }

    // Text as it is, a list of plain values one per line (the agents' list fields), anything else as JSON.
    private static FormField FieldOf(string name, JsonNode value) => value switch
    {
        JsonValue v when v.TryGetValue<string>(out var text) => new FormField(name, text),
        JsonValue v => new FormField(name, v.ToJsonString()),
        JsonArray a when a.All(e => e is JsonValue) => new FormField(name, string.Join("\n", a.Select(e => e is JsonValue ev && ev.TryGetValue<string>(out var t) ? t : e!.ToJsonString()))),
        _ => new FormField(name, value.ToJsonString(AutomationJson.Pretty)) { IsJson = true },
    };

    private static string Title(WorkflowDefinition workflow, WorkflowRun run, WorkflowStep step, ChildKey key)
    {
        var what = key.Kind switch
        {
            ChildKind.Review => $"review of {step.DisplayTitle}" + (key.Round > 1 ? string.Create(CultureInfo.InvariantCulture, $" (round {key.Round})") : string.Empty),
            ChildKind.Gate => $"approve {step.DisplayTitle}",
            _ => step.DisplayTitle
                + (key.Round > 1 ? string.Create(CultureInfo.InvariantCulture, $" (round {key.Round})") : string.Empty)
                + (key.Attempt > 1 ? string.Create(CultureInfo.InvariantCulture, $" (attempt {key.Attempt})") : string.Empty),
        };
        var title = string.Create(CultureInfo.InvariantCulture, $"[{workflow.Title} #{run.ParentIssue}] {what}");
        return title.Length <= IssueSpec.MaxTitleChars ? title : title[..(IssueSpec.MaxTitleChars - 1)] + "…";
    }
}
