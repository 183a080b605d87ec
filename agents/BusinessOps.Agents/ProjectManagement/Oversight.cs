using BusinessOps.Core.Agents;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;

namespace BusinessOps.Agents.ProjectManagement;

/// <summary>
/// Pure oversight over the issues the coordinator handed in: escalated = <c>status/escalated</c>; breached =
/// <c>sla/breached</c>; blocked = <c>status/on-hold</c> or <c>status/failed</c>, or <c>status/awaiting-*</c> not updated
/// for more than a day; waiting = <c>status/awaiting-*</c> younger than that. Each with its owner and next action, and the
/// open work per agent. <c>scope</c> is <c>all</c> or a <c>client/&lt;id&gt;</c> label.
/// </summary>
internal static class Oversight
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(1);

    public static OversightReport Summarize(IEnumerable<IssueDigest> issues, string scope, DateTimeOffset now, IReadOnlyDictionary<string, string>? owners = null)
    {
        owners ??= new Dictionary<string, string>();
        var client = scope.StartsWith(LabelNames.ClientPrefix, StringComparison.Ordinal) ? scope[LabelNames.ClientPrefix.Length..] : null;
        var inScope = issues.Where(i => i.State == IssueState.Open && (client is null || i.Clients.Contains(client, StringComparer.OrdinalIgnoreCase))).ToList();
        OversightItem Item(IssueDigest i, string reason) => new(i.Number, i.Title, reason, Math.Round(Math.Max(0, (now - i.UpdatedAt).TotalHours), 1))
        {
            Agent = i.Agent,
            Owner = NextActions.OwnerOf(i.Agent, owners),
            NextAction = NextActions.For(i.Status, i.SlaBreached),
        };

        var escalated = inScope.Where(i => i.Status == IssueStatus.Escalated).Select(i => Item(i, "escalated")).ToList();
        var breached = inScope.Where(i => i.SlaBreached).Select(i => Item(i, "SLA breached")).ToList();
        var blocked = new List<OversightItem>();
        var waiting = new List<OversightItem>();
        foreach (var i in inScope.OrderBy(i => i.Number))
        {
            var stale = now - i.UpdatedAt > StaleAfter;
            var reason = i.Status switch
            {
                IssueStatus.OnHold => "on hold",
                IssueStatus.Failed => "failed",
                IssueStatus.AwaitingApproval when stale => "awaiting approval > 1 day",
                IssueStatus.AwaitingDecision when stale => "awaiting decision > 1 day",
                _ => null,
            };
            if (reason is not null)
            {
                blocked.Add(Item(i, reason));
            }
            else if (i.Status is IssueStatus.AwaitingApproval or IssueStatus.AwaitingDecision)
            {
                waiting.Add(Item(i, i.Status == IssueStatus.AwaitingApproval ? "awaiting approval" : "awaiting decision"));
            }
        }

        var workload = inScope.GroupBy(i => i.Agent, StringComparer.Ordinal).Select(g => new AgentWorkload(
                g.Key,
                NextActions.OwnerOf(g.Key, owners),
                g.Count(),
                g.Count(i => i.Status is IssueStatus.Queued or IssueStatus.InProgress),
                g.Count(i => i.Status is IssueStatus.AwaitingApproval or IssueStatus.AwaitingDecision),
                g.Count(i => i.Status is IssueStatus.OnHold or IssueStatus.Failed or IssueStatus.Escalated),
                g.Count(i => i.SlaBreached)))
            .OrderByDescending(w => w.Open).ThenBy(w => w.Agent, StringComparer.Ordinal).ToList();

        return new OversightReport(inScope.Count, [.. escalated.OrderBy(i => i.Number)], [.. breached.OrderBy(i => i.Number)], blocked)
        {
            Waiting = waiting,
            Workload = workload,
        };
    }
}
