using BusinessOps.Core.Policies;
using BusinessOps.Policies.Validation;
using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Binding;

/// <summary>
/// <c>levels: {L1: {max…, financialBelowUsd}, L3: {min…, financialAboveUsd}}</c>. L2 has no rule: it is
/// whatever is neither L1 nor L3. The two rules must not overlap, or routine work could land in L3.
/// </summary>
internal static class AutonomyLevels
{
    public static (L1Rule L1, L3Rule L3) Read(ValueReader read, YamlValue node)
    {
        var fallback = AutonomyPolicy.Default;
        if (MapReader.Open(read.Diagnostics, node, "levels", "L1", "L3") is not { } map)
        {
            return (fallback.L1, fallback.L3);
        }

        var l1 = map.Get("L1") is { } a ? L1(read, a) : fallback.L1;
        var l3 = map.Get("L3") is { } b ? L3(read, b) : fallback.L3;
        if (l1 is not null && l3 is not null)
        {
            CheckOrder(read, map.Get("L1") ?? map.Get("L3") ?? map.Map, l1, l3);
        }

        return (l1 ?? fallback.L1, l3 ?? fallback.L3);
    }

    private static L1Rule? L1(ValueReader read, YamlValue node)
    {
        if (MapReader.Open(read.Diagnostics, node, "levels.L1", "maxImpact", "maxComplexity", "maxReversibility", "financialBelowUsd") is not { } map)
        {
            return null;
        }

        var d = AutonomyPolicy.Default.L1;
        var impact = map.Get("maxImpact") is { } i ? read.Choice(i, "maxImpact", PolicyChoices.Impact) : d.MaxImpact;
        var complexity = map.Get("maxComplexity") is { } c ? read.Choice(c, "maxComplexity", PolicyChoices.Complexity) : d.MaxComplexity;
        var reversibility = map.Get("maxReversibility") is { } r ? read.Choice(r, "maxReversibility", PolicyChoices.Reversibility) : d.MaxReversibility;
        var below = map.Get("financialBelowUsd") is { } f ? read.Usd(f, "financialBelowUsd") : d.FinancialBelowUsd;
        return impact is null || complexity is null || reversibility is null || below is null
            ? null
            : new L1Rule(impact.Value, complexity.Value, reversibility.Value, below.Value);
    }

    private static L3Rule? L3(ValueReader read, YamlValue node)
    {
        if (MapReader.Open(read.Diagnostics, node, "levels.L3", "minImpact", "minComplexity", "minReversibility", "financialAboveUsd") is not { } map)
        {
            return null;
        }

        var d = AutonomyPolicy.Default.L3;
        var impact = map.Get("minImpact") is { } i ? read.Choice(i, "minImpact", PolicyChoices.Impact) : d.MinImpact;
        var complexity = map.Get("minComplexity") is { } c ? read.Choice(c, "minComplexity", PolicyChoices.Complexity) : d.MinComplexity;
        var reversibility = map.Get("minReversibility") is { } r ? read.Choice(r, "minReversibility", PolicyChoices.Reversibility) : d.MinReversibility;
        var above = map.Get("financialAboveUsd") is { } f ? read.Usd(f, "financialAboveUsd") : d.FinancialAboveUsd;
        return impact is null || complexity is null || reversibility is null || above is null
            ? null
            : new L3Rule(impact.Value, complexity.Value, reversibility.Value, above.Value);
    }

    private static void CheckOrder(ValueReader read, YamlValue at, L1Rule l1, L3Rule l3)
    {
        var problems = new List<string>();
        if (l1.MaxImpact >= l3.MinImpact)
        {
            problems.Add($"L1 maxImpact '{PolicyChoices.Impact.NameOf(l1.MaxImpact)}' must be below L3 minImpact '{PolicyChoices.Impact.NameOf(l3.MinImpact)}'");
        }

        if (l1.MaxComplexity >= l3.MinComplexity)
        {
            problems.Add($"L1 maxComplexity '{PolicyChoices.Complexity.NameOf(l1.MaxComplexity)}' must be below L3 minComplexity '{PolicyChoices.Complexity.NameOf(l3.MinComplexity)}'");
        }

        if (l1.MaxReversibility >= l3.MinReversibility)
        {
            problems.Add($"L1 maxReversibility '{PolicyChoices.Reversibility.NameOf(l1.MaxReversibility)}' must be below L3 minReversibility '{PolicyChoices.Reversibility.NameOf(l3.MinReversibility)}'");
        }

        if (l1.FinancialBelowUsd > l3.FinancialAboveUsd)
        {
            problems.Add($"L1 financialBelowUsd {l1.FinancialBelowUsd} must not exceed L3 financialAboveUsd {l3.FinancialAboveUsd}");
        }

        foreach (var problem in problems)
        {
            read.Diagnostics.Error(at, $"levels overlap: {problem}");
        }
    }
}
