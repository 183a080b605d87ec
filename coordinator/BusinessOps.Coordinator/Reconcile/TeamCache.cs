using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;

namespace BusinessOps.Coordinator.Reconcile;

/// <summary>
/// Members of the <c>org/team</c> entries in approval roles, read once per run and only when some issue is waiting
/// for a human (an idle repository never pays for it). Stores without a team directory leave teams matching nobody.
/// </summary>
internal sealed class TeamCache(IIssueStore store, PolicySet policies)
{
    private Dictionary<string, IReadOnlyList<string>>? _teams;

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>?> ResolveAsync(IReadOnlyList<IssueSnapshot> issues, CancellationToken ct)
    {
        if (_teams is not null || store is not ITeamDirectory directory)
        {
            return _teams;
        }

        var entries = policies.Approvals.Roles.Values.SelectMany(r => r).Where(e => e.Contains('/', StringComparison.Ordinal)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var waiting = issues.Any(i => i.HasLabel(LabelNames.For(IssueStatus.AwaitingApproval)) || i.HasLabel(LabelNames.For(IssueStatus.AwaitingDecision)));
        if (entries.Count == 0 || !waiting)
        {
            return null;
        }

        _teams = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var team in entries)
        {
            if (await directory.GetTeamMembersAsync(team, ct) is { } members)
            {
                _teams[team] = members;
            }
        }

        return _teams;
    }
}
