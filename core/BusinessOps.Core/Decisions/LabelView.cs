using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;

namespace BusinessOps.Core.Decisions;

/// <summary>An issue's labels sorted into the families of ARCHITECTURE.md §3, read once per decision. Unknown families are ignored.</summary>
internal sealed class LabelView
{
    private LabelView()
    {
    }

    public IReadOnlyList<(string Label, Priority Priority)> Priorities { get; private init; } = [];

    public IReadOnlyList<(string Label, IssueStatus Status)> Statuses { get; private init; } = [];

    /// <summary>Labels that a routing rule matches, with the agent it routes to.</summary>
    public IReadOnlyList<(string Label, string Agent)> Routes { get; private init; } = [];

    /// <summary><c>agent/&lt;name&gt;</c> overrides, normalized.</summary>
    public IReadOnlyList<(string Label, string Agent)> AgentOverrides { get; private init; } = [];

    /// <summary>Client ids of the <c>client/*</c> labels, lower case.</summary>
    public IReadOnlyList<string> Clients { get; private init; } = [];

    /// <summary>Labels of a known family whose value is not understood (e.g. <c>priority/high</c>).</summary>
    public IReadOnlyList<string> Malformed { get; private init; } = [];

    /// <summary>True when <c>sla/breached</c> is on the issue.</summary>
    public bool Breached { get; private init; }

    /// <summary>True when <c>status/on-hold</c> is on the issue.</summary>
    public bool OnHold { get; private init; }

    public static LabelView Parse(IReadOnlyList<string> labels, RoutingPolicy routing)
    {
        List<(string, Priority)>? priorities = null;
        List<(string, IssueStatus)>? statuses = null;
        List<(string, string)>? routes = null;
        List<(string, string)>? overrides = null;
        List<string>? clients = null;
        List<string>? malformed = null;
        var breached = false;
        var onHold = false;
        foreach (var label in labels)
        {
            if (Has(label, LabelNames.PriorityPrefix))
            {
                if (LabelNames.TryParsePriority(label, out var p))
                {
                    (priorities ??= []).Add((label, p));
                }
                else
                {
                    (malformed ??= []).Add(label);
                }
            }
            else if (Has(label, LabelNames.StatusPrefix))
            {
                if (LabelNames.TryParseStatus(label, out var s))
                {
                    (statuses ??= []).Add((label, s));
                    onHold |= s == IssueStatus.OnHold;
                }
                else
                {
                    (malformed ??= []).Add(label);
                }
            }
            else if (Has(label, LabelNames.AgentPrefix))
            {
                if (AgentNames.TryNormalize(label[LabelNames.AgentPrefix.Length..], out var agent))
                {
                    (overrides ??= []).Add((label, agent));
                }
                else
                {
                    (malformed ??= []).Add(label);
                }
            }
            else if (Has(label, LabelNames.ClientPrefix))
            {
                if (ClientId(label) is { } id)
                {
                    (clients ??= []).Add(id);
                }
                else
                {
                    (malformed ??= []).Add(label);
                }
            }
            else if (Has(label, LabelNames.SlaPrefix))
            {
                breached |= string.Equals(label, LabelNames.SlaBreached, StringComparison.OrdinalIgnoreCase);
            }
            else if (!Has(label, LabelNames.AutonomyPrefix) && routing.Match(label) is { } rule)
            {
                (routes ??= []).Add((label, rule.Agent));
            }
        }

        return new LabelView
        {
            Priorities = priorities ?? [],
            Statuses = statuses ?? [],
            Routes = routes ?? [],
            AgentOverrides = overrides ?? [],
            Clients = clients ?? [],
            Malformed = malformed ?? [],
            Breached = breached,
            OnHold = onHold,
        };
    }

    /// <summary>The client ids of <paramref name="labels"/> (valid <c>client/*</c> labels only), lower case.</summary>
    public static IReadOnlyList<string> ClientsOf(IReadOnlyList<string> labels)
    {
        List<string>? clients = null;
        foreach (var label in labels)
        {
            if (Has(label, LabelNames.ClientPrefix) && ClientId(label) is { } id)
            {
                (clients ??= []).Add(id);
            }
        }

        return clients ?? [];
    }

    private static bool Has(string label, string prefix) => label.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Client ids: 1–40 chars of a-z, 0-9, '-', '_', starting alphanumeric.</summary>
    private static string? ClientId(string label)
    {
        var id = label.AsSpan(LabelNames.ClientPrefix.Length);
        if (id.Length is 0 or > 40 || !char.IsAsciiLetterOrDigit(id[0]))
        {
            return null;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
            {
                return null;
            }
        }

        return id.ToString().ToLowerInvariant();
    }
}
