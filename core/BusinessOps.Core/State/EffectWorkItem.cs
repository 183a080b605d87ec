using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;

namespace BusinessOps.Core.State;

/// <summary>
/// An issue an approved effect opened for people — a developer's task sub-issue, an operations incident — : opened by the
/// store identity, its body carrying an effect marker, and no routing or <c>agent/…</c> label. It is people's work, so
/// <c>Decide</c> leaves it alone (no "no routing label" triage on every task); once someone routes it, it is an
/// operation like any other. A person pasting the marker into their own issue changes nothing (the author is checked).
/// </summary>
public static class EffectWorkItem
{
    /// <summary>The start of the marker an effect leaves in what it creates (<c>Effects.EffectMarker</c>).</summary>
    public const string MarkerPrefix = "<!-- businessops:effect ";

    /// <summary>The origin the KPI index records for an issue an effect opened (<c>Kpis.IssueFacts.Origin</c>).</summary>
    public const string Origin = "effect";

    public static bool Is(IssueSnapshot issue, PolicySet policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        return OpenedByEffect(issue, policies.Identity)
            && !issue.Labels.Any(l => l.StartsWith(LabelNames.AgentPrefix, StringComparison.OrdinalIgnoreCase) || policies.Routing.Match(l) is not null);
    }

    /// <summary>Opened by an approved effect: by the store <paramref name="identity"/>, its body carrying an effect marker (routed or not).</summary>
    public static bool OpenedByEffect(IssueSnapshot issue, string identity)
    {
        ArgumentNullException.ThrowIfNull(issue);
        return string.Equals(issue.Author, identity, StringComparison.OrdinalIgnoreCase) && issue.Body.Contains(MarkerPrefix, StringComparison.Ordinal);
    }
}
