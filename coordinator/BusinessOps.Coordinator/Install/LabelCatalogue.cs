using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Policies;

namespace BusinessOps.Coordinator.Install;

/// <summary>
/// Every label <c>coordinator labels sync</c> creates: the policies' catalogue, plus each label an issue form applies
/// that the policies do not name (a <c>family/*</c> routing rule matches <c>marketing/seo</c> but names no label).
/// </summary>
public static class LabelCatalogue
{
    public static IReadOnlyList<LabelDefinition> For(PolicySet policies, IReadOnlyList<FormLabel> forms)
    {
        var labels = PolicyLabels.All(policies).ToList();
        var known = labels.Select(l => l.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var group in forms.GroupBy(f => f.Label, StringComparer.OrdinalIgnoreCase).Where(g => !known.Contains(g.Key)))
        {
            var rule = policies.Routing.Match(group.Key);
            var form = group.First().Form;
            var description = rule is null ? $"Applied by the {form} form" : $"{form} (routed to {rule.Agent})";
            labels.Add(new LabelDefinition(group.Key, LabelColors.ForFamily(group.Key), Bound(description)));
        }

        return labels;
    }

    /// <summary>Form labels no routing rule matches: issues filed with those forms would wait in needs-triage.</summary>
    public static IEnumerable<FormLabel> Unrouted(PolicySet policies, IReadOnlyList<FormLabel> forms) =>
        forms.Where(f => f.Label.Contains('/', StringComparison.Ordinal) && !IsCoordinatorFamily(f.Label) && policies.Routing.Match(f.Label) is null);

    private static bool IsCoordinatorFamily(string label) =>
        label.Split('/')[0].ToLowerInvariant() is "priority" or "status" or "sla" or "autonomy" or "client" or "agent" or "review";

    private static string Bound(string text) => text.Length <= PolicyLabels.MaxDescription ? text : text[..(PolicyLabels.MaxDescription - 1)] + "…";
}
