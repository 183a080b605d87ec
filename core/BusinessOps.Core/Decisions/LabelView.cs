using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;

namespace BusinessOps.Core.Decisions;

/// <summary>An issue's labels sorted into the families of ARCHITECTURE.md §3. Unknown families are ignored.</summary>
internal sealed class LabelView
{
    public List<(string Label, Priority Priority)> Priorities { get; } = [];

    public List<(string Label, IssueStatus Status)> Statuses { get; } = [];

    /// <summary>Labels that a routing rule matches, with the agent it routes to.</summary>
    public List<(string Label, string Agent)> Routes { get; } = [];

    /// <summary><c>agent/&lt;name&gt;</c> overrides, normalized.</summary>
    public List<(string Label, string Agent)> AgentOverrides { get; } = [];

    public List<string> Clients { get; } = [];

    /// <summary>Labels of a known family whose value is not understood (e.g. <c>priority/high</c>).</summary>
    public List<string> Malformed { get; } = [];

    public bool AtRisk { get; private set; }

    public bool Breached { get; private set; }

    public bool ReviewRequested { get; private set; }

    public string? Autonomy { get; private set; }

    public static LabelView Parse(IReadOnlyList<string> labels, RoutingPolicy routing)
    {
        var view = new LabelView();
        foreach (var label in labels)
        {
            view.Add(label, routing);
        }

        return view;
    }

    private void Add(string label, RoutingPolicy routing)
    {
        if (Has(label, LabelNames.PriorityPrefix))
        {
            if (LabelNames.TryParsePriority(label, out var p))
            {
                Priorities.Add((label, p));
            }
            else
            {
                Malformed.Add(label);
            }
        }
        else if (Has(label, LabelNames.StatusPrefix))
        {
            if (LabelNames.TryParseStatus(label, out var s))
            {
                Statuses.Add((label, s));
            }
            else
            {
                Malformed.Add(label);
            }
        }
        else if (Has(label, LabelNames.AgentPrefix))
        {
            if (AgentNames.TryNormalize(label[LabelNames.AgentPrefix.Length..], out var agent))
            {
                AgentOverrides.Add((label, agent));
            }
            else
            {
                Malformed.Add(label);
            }
        }
        else if (Has(label, LabelNames.ClientPrefix))
        {
            var id = label[LabelNames.ClientPrefix.Length..];
            if (IsClientId(id))
            {
                Clients.Add(id.ToLowerInvariant());
            }
            else
            {
                Malformed.Add(label);
            }
        }
        else if (Has(label, LabelNames.SlaPrefix))
        {
            AtRisk |= string.Equals(label, LabelNames.SlaAtRisk, StringComparison.OrdinalIgnoreCase);
            Breached |= string.Equals(label, LabelNames.SlaBreached, StringComparison.OrdinalIgnoreCase);
        }
        else if (Has(label, LabelNames.AutonomyPrefix))
        {
            Autonomy = label;
        }
        else if (string.Equals(label, LabelNames.ReviewRequested, StringComparison.OrdinalIgnoreCase))
        {
            ReviewRequested = true;
        }
        else if (routing.Match(label) is { } rule)
        {
            Routes.Add((label, rule.Agent));
        }
    }

    private static bool Has(string label, string prefix) => label.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Client ids: 1–40 chars of a-z, 0-9, '-', '_', starting alphanumeric.</summary>
    internal static bool IsClientId(string id)
    {
        if (id.Length is 0 or > 40 || !char.IsAsciiLetterOrDigit(id[0]))
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
            {
                return false;
            }
        }

        return true;
    }
}
