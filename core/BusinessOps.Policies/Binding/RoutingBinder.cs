using BusinessOps.Core.Policies;
using BusinessOps.Policies.Validation;
using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Binding;

/// <summary><c>routing.yml</c>: <c>rules: [{match, agent, description}]</c>, first match wins.</summary>
internal static class RoutingBinder
{
    public const int MaxDescription = 100;

    public static RoutingPolicy Bind(YamlValue root, FileDiagnostics diagnostics)
    {
        var read = new ValueReader(diagnostics);
        var rules = new List<RoutingRule>();
        if (MapReader.Open(diagnostics, root, string.Empty, "rules") is not { } file
            || file.Require("rules") is not { } node
            || read.List(node, "rules") is not { } items)
        {
            return RoutingPolicy.Default;
        }

        if (items.Count == 0)
        {
            diagnostics.Error(node, "'rules' is empty; list at least one rule, or delete routing.yml to use the embedded defaults");
        }

        // Pattern → where it was first seen, to report duplicates and rules that can never match.
        var seen = new Dictionary<string, YamlValue>(StringComparer.OrdinalIgnoreCase);
        var families = new List<(string Pattern, YamlValue At)>();
        for (var i = 0; i < items.Count; i++)
        {
            var where = $"rules[{i + 1}]";
            if (MapReader.Open(diagnostics, items[i], where, "match", "agent", "description") is not { } map)
            {
                continue;
            }

            var pattern = Pattern(map, read, seen, families);
            var agent = map.Require("agent") is { } a ? read.Agent(a, "agent") : null;
            var description = map.Get("description") is { } d ? read.Text(d, "description", MaxDescription) : string.Empty;
            if (pattern is not null && agent is not null)
            {
                rules.Add(new RoutingRule(pattern, agent, description ?? string.Empty));
            }
        }

        return new RoutingPolicy(rules);
    }

    private static string? Pattern(MapReader map, ValueReader read, Dictionary<string, YamlValue> seen, List<(string Pattern, YamlValue At)> families)
    {
        if (map.Require("match") is not { } node || read.Text(node, "match") is not { } pattern)
        {
            return null;
        }

        if (LabelPattern.Problem(pattern) is { } problem)
        {
            read.Diagnostics.Error(node, problem);
            return null;
        }

        if (seen.TryGetValue(pattern, out var first))
        {
            read.Diagnostics.Error(node, $"duplicate pattern '{pattern}'; it is already routed on line {first.Line} (first match wins, so this rule would never apply)");
            return null;
        }

        seen.Add(pattern, node);
        var probe = new RoutingRule(pattern, string.Empty);
        if (!probe.IsFamily)
        {
            foreach (var (family, at) in families)
            {
                if (new RoutingRule(family, string.Empty).Matches(pattern))
                {
                    read.Diagnostics.Error(node, $"rule '{pattern}' can never apply: '{family}' on line {at.Line} comes first and matches it; move this rule above that one");
                    return null;
                }
            }
        }
        else
        {
            families.Add((pattern, node));
        }

        return pattern;
    }
}
