using BusinessOps.Core.Decisions;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.LocalStore;

namespace BusinessOps.Coordinator.Demo;

/// <summary>
/// The people of the demo: every login named in <c>approvals.yml</c> becomes a collaborator with write permission,
/// and for one waiting plan per agent (the largest amount first) the right person comments <c>/approve</c> — exactly what a reader can do by hand
/// for the plans left waiting.
/// </summary>
internal static class DemoApprovers
{
    /// <summary>A collaborator with write permission who is in no role: approves where any collaborator may.</summary>
    public const string Colleague = "olivia";

    public static async Task RegisterAsync(SqliteIssueStore store, PolicySet policies, CancellationToken ct)
    {
        foreach (var login in policies.Approvals.Roles.Values.SelectMany(r => r).Where(l => !l.Contains('/', StringComparison.Ordinal)).Append(Colleague).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            await store.SetPermissionAsync(login, RepositoryPermission.Write, ct);
        }

        await store.SetPermissionAsync("tara", RepositoryPermission.Triage, ct);
    }

    /// <summary>
    /// Approves the first waiting plan of each agent whose effects <paramref name="connector"/> can perform here; returns how
    /// many were approved.
    /// </summary>
    public static async Task<int> ApproveOnePerAgentAsync(string path, IReadOnlyList<IssueSnapshot> issues, PolicySet policies, IEffectConnector connector, TimeProvider clock, CancellationToken ct)
    {
        var approved = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var waiting = issues.Where(i => i.HasLabel(LabelNames.For(IssueStatus.AwaitingApproval)))
            .Select(i => (Issue: i, State: IssueStateReader.Read(i, policies).State))
            .Select(w => (w.Issue, w.State, Plan: IssueStateReader.Results(w.Issue, policies.Identity).LastOrDefault(r => r.Record.Key == w.State.Key).Record))
            .Where(w => w.Plan is not null)

            // A plan whose effects the demo's connectors cannot perform (an email, a webhook not configured here, a pull
            // request the local store has no repository for) waits, with its note.
            .Where(w => (w.Plan!.Effects ?? []).All(e => ConnectorReadiness.Problem(e, policies.Connectors) is null && connector.Unavailable(e) is null))
            .Select(w => (w.Issue, w.State, w.Plan, Classification: PlanClassification.Of(w.Plan!, policies.Connectors)))

            // The largest amount first, so the demo's CFO approves the $6,000 invoice rather than a small one.
            .OrderByDescending(w => w.Classification.FinancialImpactUsd).ThenBy(w => w.Issue.Number);
        foreach (var (issue, state, _, classification) in waiting)
        {
            if (state.Agent is null || !seen.Add(state.Agent))
            {
                continue;
            }

            // The plan's classification as Decide routes it (its effects' amounts and audiences included).
            var requirement = ApprovalRouter.For(classification, issue.Labels, policies.Approvals, policies.Autonomy.Mode, humanRequired: true);
            foreach (var role in requirement.Roles)
            {
                var people = role.AnyCollaborator ? [Colleague] : role.Approvers.Where(a => !a.Contains('/', StringComparison.Ordinal)).Take(role.Required);
                foreach (var login in people)
                {
                    using var person = SqliteIssueStore.Open(path, login, clock);
                    await person.AddCommentAsync(issue.Number, $"/approve reviewed in the demo ({Wording.Role(role.Role)})", ct);
                }
            }

            approved++;
        }

        return approved;
    }
}
