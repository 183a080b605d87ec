using BusinessOps.Core.Policies;
using BusinessOps.Policies.Validation;
using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Binding;

/// <summary>
/// <c>financial: [{below?, role?, required?, kind?}]</c>: tiers by financial impact in ascending
/// <c>below</c>; only the last may omit it (no upper bound). No role means automatic approval.
/// </summary>
internal static class FinancialTiers
{
    public static List<FinancialTier>? Read(ValueReader read, YamlValue node, IReadOnlyDictionary<string, IReadOnlyList<string>> roles)
    {
        if (read.List(node, "financial") is not { } items)
        {
            return null;
        }

        if (items.Count == 0)
        {
            read.Diagnostics.Error(node, "'financial' is empty; list at least one tier (e.g. '- role: finance-manager')");
        }

        var tiers = new List<FinancialTier>();
        decimal? previous = null;
        for (var i = 0; i < items.Count; i++)
        {
            if (MapReader.Open(read.Diagnostics, items[i], $"financial[{i + 1}]", "below", "role", "required", "kind") is not { } map)
            {
                continue;
            }

            var below = map.Get("below") is { } b ? read.Usd(b, "below", positive: true) : null;
            if (map.Get("below") is null && i < items.Count - 1)
            {
                read.Diagnostics.Error(map.Map, $"only the last tier may omit 'below'; '{map.Where}' is followed by {items.Count - 1 - i} more");
            }

            if (below is { } value && previous is { } last && value <= last)
            {
                read.Diagnostics.Error(map.Get("below")!, $"tiers must be in ascending 'below' order; {value} is not above the previous tier's {last}");
            }

            previous = below ?? previous;
            var role = map.Get("role") is { } r ? ApprovalsBinder.RoleReference(read, r, "role", roles) : null;
            var required = map.Get("required") is { } q ? read.Int(q, "required", 1, 20) : 1;
            var kind = map.Get("kind") is { } k ? read.Choice(k, "kind", PolicyChoices.ApprovalKind) : ApprovalKind.Synchronous;
            if (map.Get("role") is null && required > 1)
            {
                read.Diagnostics.Error(map.Get("required")!, $"'{map.Where}' requires {required} approvers but names no 'role' to approve; add a role or remove 'required'");
            }

            if (role is not null && required is { } n && roles.TryGetValue(role, out var members)
                && members.Count > 0 && !members.Any(GitHubNames.IsTeam) && members.Count < n)
            {
                read.Diagnostics.Error(map.Get("required")!, $"'{map.Where}' requires {n} distinct approvers but role '{role}' has only {members.Count}");
            }

            tiers.Add(new FinancialTier(below, role, required ?? 1, kind ?? ApprovalKind.Synchronous));
        }

        return tiers;
    }
}
