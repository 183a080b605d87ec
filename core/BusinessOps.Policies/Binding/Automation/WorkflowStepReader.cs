using System.Text.Json.Nodes;
using BusinessOps.Automation.Workflows;
using BusinessOps.Policies.Validation;
using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Binding.Automation;

/// <summary>
/// One step of a workflow file: <c>id</c>, <c>title</c>, <c>agent</c>, <c>needs</c>, <c>inputs</c>, <c>inputSchema</c>,
/// <c>outputSchema</c>, <c>retry</c>, <c>review</c>, <c>gate</c>, <c>labels</c>, <c>priority</c>; and where each was written.
/// </summary>
internal static class WorkflowStepReader
{
    private static readonly string[] StepKeys = ["id", "title", "agent", "needs", "inputs", "inputSchema", "outputSchema", "retry", "review", "gate", "labels", "priority"];

    private static readonly Choices<FailureAction> FailureActions = new("failure action", ("fail", FailureAction.Fail), ("escalate", FailureAction.Escalate));

    public static (WorkflowStep Step, StepNodes Nodes)? Read(ValueReader read, YamlValue node, string path)
    {
        if (MapReader.Open(read.Diagnostics, node, path, StepKeys) is not { } map)
        {
            return null;
        }

        var nodes = new StepNodes(node);
        var id = map.Require("id") is { } i ? AutomationIds.Read(read, i, "id") : null;

        // Unknown agents are left to the validator so the message and position match the other graph checks.
        nodes.Agent = map.Require("agent");
        var agentText = nodes.Agent is { } a ? read.Text(a, "agent", 100) : null;
        var agent = agentText is not null && BusinessOps.Core.Labels.AgentNames.TryNormalize(agentText, out var full) ? full : agentText;
        var needs = new List<string>();
        if (map.Get("needs") is { } needsNode && read.List(needsNode, "needs") is { } needItems)
        {
            foreach (var item in needItems)
            {
                if (read.Text(item, "needs", 100) is { } need)
                {
                    needs.Add(need);
                    nodes.Needs.TryAdd(need, item);
                }
            }
        }

        var inputs = new List<KeyValuePair<string, InputSource>>();
        if (map.Get("inputs") is { } inputsNode)
        {
            if (inputsNode is YamlMap im)
            {
                foreach (var entry in im.Entries)
                {
                    nodes.Inputs.TryAdd(entry.Key.Value, entry.Value);
                    if (Source(read, entry.Value, entry.Key.Value) is { } source)
                    {
                        inputs.Add(new(entry.Key.Value, source));
                    }
                }
            }
            else
            {
                read.Diagnostics.Error(inputsNode, $"'inputs' must map each input name to 'step.outputs.field', 'inputs.name' or {{ value: … }}; found {inputsNode.Describe()}");
            }
        }

        var inputSchema = map.Get("inputSchema") is { } isn ? Schema(read, isn, "inputSchema") : null;
        var outputSchema = map.Get("outputSchema") is { } osn ? Schema(read, osn, "outputSchema") : null;
        var retry = map.Get("retry") is { } r ? Retry(read, r, map.Path("retry")) : RetryPolicy.Default;
        nodes.Review = map.Get("review");
        var review = nodes.Review is { } rv ? Review(read, rv, map.Path("review")) : null;
        var gate = map.Get("gate") is { } g ? Gate(read, g, map.Path("gate")) : null;
        var title = map.Get("title") is { } t ? read.Text(t, "title", 100) : null;
        var priority = map.Get("priority") is { } p ? read.Choice(p, "priority", PolicyChoices.Priority) : null;
        var labels = new List<string>();
        if (map.Get("labels") is { } l && read.List(l, "labels") is { } labelItems)
        {
            foreach (var item in labelItems)
            {
                if (read.Text(item, "labels", 100) is { } label)
                {
                    if (LabelPattern.Problem(label) is { } problem || label.Contains('*', StringComparison.Ordinal))
                    {
                        read.Diagnostics.Error(item, LabelPattern.Problem(label) ?? $"label '{label}' must be an exact label, not a pattern");
                    }
                    else
                    {
                        labels.Add(label);
                    }
                }
            }
        }

        if (id is null || agent is null || retry is null)
        {
            return null;
        }

        return (new WorkflowStep(id, agent)
        {
            Title = title ?? string.Empty,
            Needs = needs,
            Inputs = inputs,
            InputSchema = inputSchema,
            OutputSchema = outputSchema,
            Retry = retry,
            Review = review,
            Gate = gate,
            Labels = labels,
            Priority = priority,
        }, nodes);
    }

    // 'content.outputs.draft' (or 'content.draft'), 'inputs.topic', or { value: … }.
    private static InputSource? Source(ValueReader read, YamlValue node, string name)
    {
        if (node is YamlMap)
        {
            if (MapReader.Open(read.Diagnostics, node, "inputs." + name, "value") is { } vm && vm.Require("value") is { } v)
            {
                return new LiteralSource(JsonFromYaml.Convert(v));
            }

            return null;
        }

        if (node is YamlText { IsNull: false } text)
        {
            var parts = text.Value.Trim().Split('.');
            if (parts.Length == 2 && parts[0] == "inputs" && parts[1].Length > 0)
            {
                return new WorkflowInputSource(parts[1]);
            }

            if (parts.Length >= 2 && parts.All(x => x.Length > 0) && AutomationIds.IsValid(parts[0]))
            {
                var path = parts[1] == "outputs" ? parts[2..] : parts[1..];
                if (path.Length > 0)
                {
                    return new StepOutputSource(parts[0], string.Join('.', path));
                }
            }
        }

        read.Diagnostics.Error(node, $"input '{name}' must be 'step.outputs.field' (an earlier step's output), 'inputs.name' (a start input) or {{ value: … }} (a constant); found {node.Describe()}");
        return null;
    }

    public static StepSchema? Schema(ValueReader read, YamlValue node, string key)
    {
        if (JsonFromYaml.Convert(node) is not JsonObject json)
        {
            read.Diagnostics.Error(node, $"'{key}' must be a JSON Schema written as YAML (type: object, properties: …); found {node.Describe()}");
            return null;
        }

        var schema = StepSchema.TryCreate(json, out var problem);
        if (schema is null)
        {
            read.Diagnostics.Error(node, $"'{key}' is {problem}");
        }

        return schema;
    }

    private static RetryPolicy? Retry(ValueReader read, YamlValue node, string path)
    {
        if (MapReader.Open(read.Diagnostics, node, path, "maxAttempts", "onFailure") is not { } map)
        {
            return null;
        }

        var attempts = map.Get("maxAttempts") is { } m ? read.Int(m, "maxAttempts", 1, RetryPolicy.MaxAllowedAttempts) : RetryPolicy.Default.MaxAttempts;
        var onFailure = map.Get("onFailure") is { } f ? read.Choice(f, "onFailure", FailureActions) : RetryPolicy.Default.OnFailure;
        return attempts is null || onFailure is null ? null : new RetryPolicy(attempts.Value, onFailure.Value);
    }

    private static ReviewPolicy? Review(ValueReader read, YamlValue node, string path)
    {
        if (MapReader.Open(read.Diagnostics, node, path, "agent", "role", "minScore", "maxRounds", "scoreField", "feedbackField", "criteria") is not { } map)
        {
            return null;
        }

        var agent = map.Get("agent") is { } a ? read.Agent(a, "agent") : null;
        var role = map.Get("role") is { } r ? Role(read, r) : null;
        if ((map.Get("agent") is null) == (map.Get("role") is null))
        {
            read.Diagnostics.Error(node, $"'{path}' needs exactly one of 'agent' (a reviewer agent) or 'role' (a role of approvals.yml whose members review)");
            return null;
        }

        var minScore = map.Get("minScore") is { } s ? read.Number(s, "minScore", 0, 100) : 0.8;
        var rounds = map.Get("maxRounds") is { } mr ? read.Int(mr, "maxRounds", 1, ReviewPolicy.MaxAllowedRounds) : 3;
        var scoreField = map.Get("scoreField") is { } sf ? read.Text(sf, "scoreField", 64) : "score";
        var feedbackField = map.Get("feedbackField") is { } ff ? read.Text(ff, "feedbackField", 64) : "feedback";
        var criteria = map.Get("criteria") is { } c ? read.Text(c, "criteria", 2000) : null;
        return (agent is null && role is null) || minScore is null || rounds is null || scoreField is null || feedbackField is null
            ? null
            : new ReviewPolicy(agent, role, minScore.Value, rounds.Value) { ScoreField = scoreField, FeedbackField = feedbackField, Criteria = criteria };
    }

    private static GatePolicy? Gate(ValueReader read, YamlValue node, string path)
    {
        if (MapReader.Open(read.Diagnostics, node, path, "role", "note") is not { } map)
        {
            return null;
        }

        var role = map.Require("role") is { } r ? Role(read, r) : null;
        var note = map.Get("note") is { } n ? read.Text(n, "note", 500) : null;
        return role is null ? null : new GatePolicy(role, note);
    }

    private static string? Role(ValueReader read, YamlValue node)
    {
        var role = read.Text(node, "role", 50);
        if (role is not null && !GitHubNames.IsRoleName(role))
        {
            read.Diagnostics.Error(node, $"'role' must be a role name of approvals.yml such as 'finance-manager'; found '{YamlText.Shorten(role)}'");
            return null;
        }

        return role;
    }
}
