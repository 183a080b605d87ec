using BusinessOps.Automation.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Policies.Validation;
using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Binding.Automation;

/// <summary>
/// The <c>issue:</c> block of a schedule, threshold or feed: <c>title</c> (required), <c>agent</c>, <c>labels</c>,
/// <c>priority</c>, <c>fields</c> (name: value, in order). Placeholders are checked against what the caller fills in.
/// </summary>
internal static class TemplateReader
{
    public const int MaxFieldChars = 4000;

    public static IssueTemplate? Read(ValueReader read, YamlValue node, string path, IReadOnlyList<string> placeholders)
    {
        if (MapReader.Open(read.Diagnostics, node, path, "title", "agent", "labels", "priority", "fields") is not { } map)
        {
            return null;
        }

        var title = map.Require("title") is { } t ? Placeholders(read, t, read.Text(t, "title", 200), placeholders) : null;
        var agent = map.Get("agent") is { } a ? read.Agent(a, "agent") : null;
        var priority = map.Get("priority") is { } p ? read.Choice(p, "priority", PolicyChoices.Priority) : null;
        var labels = new List<string>();
        if (map.Get("labels") is { } l && read.List(l, "labels") is { } items)
        {
            foreach (var item in items)
            {
                if (read.Text(item, "labels", 100) is not { } label)
                {
                    continue;
                }

                if (label.Contains('*', StringComparison.Ordinal) || LabelPattern.Problem(label) is { } problem)
                {
                    read.Diagnostics.Error(item, LabelPattern.Problem(label) ?? $"label '{label}' must be an exact label, not a pattern");
                }
                else
                {
                    labels.Add(label);
                }
            }
        }

        var fields = new List<FormField>();
        if (map.Get("fields") is { } f && MapReader.Open(read.Diagnostics, f, map.Path("fields"), [.. FieldNames(f)]) is { } fieldMap)
        {
            foreach (var entry in fieldMap.Entries)
            {
                if (Placeholders(read, entry.Value, read.Text(entry.Value, entry.Key.Value, MaxFieldChars), placeholders) is { } value)
                {
                    fields.Add(new FormField(entry.Key.Value, value));
                }
            }
        }

        if (map.Get("agent") is null && !labels.Any(x => !x.StartsWith(LabelNames.AgentPrefix, StringComparison.Ordinal)))
        {
            read.Diagnostics.Error(map.Map, $"'{path}' names no agent and no routing label, so its issues could not be routed; add 'agent: <name>' or a routing label");
        }

        return title is null ? null : new IssueTemplate(title, agent, labels, priority, fields);
    }

    // Any field name is allowed (they become ### headings); MapReader still reports duplicates.
    private static IEnumerable<string> FieldNames(YamlValue node) =>
        node is YamlMap m ? m.Entries.Select(e => e.Key.Value).Where(k => k.Length is > 0 and <= 100 && !k.Contains('\n', StringComparison.Ordinal)) : [];

    private static string? Placeholders(ValueReader read, YamlValue node, string? text, IReadOnlyList<string> allowed)
    {
        if (text is not null && TemplateText.Problem(text, [.. allowed]) is { } problem)
        {
            read.Diagnostics.Error(node, problem);
            return null;
        }

        return text;
    }
}
