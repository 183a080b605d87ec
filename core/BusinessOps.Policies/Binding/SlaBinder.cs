using BusinessOps.Core.Policies;
using BusinessOps.Policies.Validation;
using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Binding;

/// <summary><c>sla.yml</c>: <c>defaultPriority</c>, <c>atRisk</c>, <c>managers</c>, <c>priorities</c> (all four).</summary>
internal static class SlaBinder
{
    public static SlaPolicy Bind(YamlValue root, FileDiagnostics diagnostics)
    {
        var fallback = SlaPolicy.Default;
        var read = new ValueReader(diagnostics);
        if (MapReader.Open(diagnostics, root, string.Empty, "defaultPriority", "atRisk", "managers", "priorities") is not { } file)
        {
            return fallback;
        }

        var defaultPriority = file.Get("defaultPriority") is { } p ? read.Choice(p, "defaultPriority", PolicyChoices.Priority) : null;
        var atRisk = file.Get("atRisk") is { } r ? read.Fraction(r, "atRisk", exclusiveZero: true) : null;
        var managers = file.Get("managers") is { } m ? Members.ReadList(read, m, "managers", allowTeams: true) : null;
        var targets = file.Require("priorities") is { } node
            ? PriorityMaps.Read(diagnostics, node, "priorities", (entry, path) => Target(read, entry, path))
            : null;

        return new SlaPolicy(
            targets ?? new(fallback.Targets),
            defaultPriority ?? fallback.DefaultPriority,
            atRisk ?? fallback.AtRiskFraction,
            managers ?? fallback.Managers);
    }

    private static SlaTarget? Target(ValueReader read, YamlValue node, string path)
    {
        if (MapReader.Open(read.Diagnostics, node, path, "target", "requiresManager") is not { } map)
        {
            return null;
        }

        var target = map.Require("target") is { } t ? read.Duration(t, "target") : null;
        var requiresManager = map.Get("requiresManager") is { } rm ? read.Bool(rm, "requiresManager") : false;
        return target is { } value ? new SlaTarget(value, requiresManager ?? false) : null;
    }
}
