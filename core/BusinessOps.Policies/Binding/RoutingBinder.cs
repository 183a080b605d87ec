using BusinessOps.Core.Agents;
using BusinessOps.Core.Policies;
using BusinessOps.Policies.Validation;
using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Binding;

/// <summary>
/// <c>routing.yml</c>: <c>rules: [{match, agent, description}]</c>, first match wins; optional
/// <c>triage: [{label, keywords}]</c> for the manager agent, each label routed by the rules.
/// </summary>
internal static class RoutingBinder
{
    public const int MaxDescription = 100;

    /// <summary>Longest triage keyword or phrase.</summary>
    public const int MaxKeyword = 50;

    public static RoutingPolicy Bind(YamlValue root, FileDiagnostics diagnostics)
    {
        var read = new ValueReader(diagnostics);
        var rules = new List<RoutingRule>();
        if (MapReader.Open(diagnostics, root, string.Empty, "rules", "triage") is not { } file
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

        var policy = new RoutingPolicy(rules);
        return file.Get("triage") is { } triage && Triage(read, triage, policy) is { } routes ? policy with { Triage = routes } : policy;
    }

    // Each route suggests an exact label; its agent is where that label routes, so triage and routing cannot disagree.
    private static List<TriageRoute>? Triage(ValueReader read, YamlValue node, RoutingPolicy policy)
    {
        if (read.List(node, "triage") is not { } items)
        {
            return null;
        }

        var routes = new List<TriageRoute>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < items.Count; i++)
        {
            var where = $"triage[{i + 1}]";
            if (MapReader.Open(read.Diagnostics, items[i], where, "label", "keywords") is not { } map
                || map.Require("label") is not { } labelNode || read.Text(labelNode, "label") is not { } label)
            {
                continue;
            }

            var problem = LabelPattern.Problem(label) ?? (label.EndsWith("/*", StringComparison.Ordinal) ? $"triage label '{label}' must be an exact label (the one to suggest), not a family" : null);
            if (problem is not null)
            {
                read.Diagnostics.Error(labelNode, problem);
                continue;
            }

            if (!seen.Add(label))
            {
                read.Diagnostics.Error(labelNode, $"triage label '{label}' is listed twice; merge its keywords into one entry");
                continue;
            }

            if (policy.Match(label) is not { } rule)
            {
                read.Diagnostics.Error(labelNode, $"triage label '{label}' matches no rule above, so it would route nowhere; add a rule for it or pick a routed label");
                continue;
            }

            if (Keywords(read, map) is { } keywords)
            {
                routes.Add(new TriageRoute(label.ToLowerInvariant(), rule.Agent, keywords));
            }
        }

        return routes.Count == 0 ? null : routes;
    }

    private static List<string>? Keywords(ValueReader read, MapReader map)
    {
        if (map.Require("keywords") is not { } node || read.List(node, "keywords") is not { } items)
        {
            return null;
        }

        var keywords = new List<string>();
        foreach (var item in items)
        {
            if (read.Text(item, "keywords", MaxKeyword) is { } k && k.Trim().Length > 0)
            {
                keywords.Add(k.Trim().ToLowerInvariant());
            }
        }

        if (keywords.Count == 0)
        {
            read.Diagnostics.Error(node, "'keywords' is empty; list the words or phrases that point to this label");
            return null;
        }

        return keywords;
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
