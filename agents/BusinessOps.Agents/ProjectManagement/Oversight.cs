using BusinessOps.Core.Agents;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;

namespace BusinessOps.Agents.ProjectManagement;

/// <summary>
/// Pure oversight over the issues the coordinator handed in: escalated = <c>status/escalated</c>; breached =
/// <c>sla/breached</c>; blocked = <c>status/on-hold</c> or <c>status/failed</c>, or <c>status/awaiting-*</c> not updated
/// for more than a day. <c>scope</c> is <c>all</c> or a <c>client/&lt;id&gt;</c> label.
/// </summary>
internal static class Oversight
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(1);

    public static OversightReport Summarize(IEnumerable<IssueDigest> issues, string scope, DateTimeOffset now)
    {
        var client = scope.StartsWith(LabelNames.ClientPrefix, StringComparison.Ordinal) ? scope[LabelNames.ClientPrefix.Length..] : null;
        var inScope = issues.Where(i => i.State == IssueState.Open && (client is null || i.Clients.Contains(client, StringComparer.OrdinalIgnoreCase))).ToList();
        OversightItem Item(IssueDigest i, string reason) => new(i.Number, i.Title, reason, Math.Round(Math.Max(0, (now - i.UpdatedAt).TotalHours), 1));

        var escalated = inScope.Where(i => i.Status == IssueStatus.Escalated).Select(i => Item(i, "escalated")).ToList();
        var breached = inScope.Where(i => i.SlaBreached).Select(i => Item(i, "SLA breached")).ToList();
        var blocked = new List<OversightItem>();
        foreach (var i in inScope.OrderBy(i => i.Number))
        {
            var reason = i.Status switch
            {
                IssueStatus.OnHold => "on hold",
                IssueStatus.Failed => "failed",
                IssueStatus.AwaitingApproval when now - i.UpdatedAt > StaleAfter => "awaiting approval > 1 day",
                IssueStatus.AwaitingDecision when now - i.UpdatedAt > StaleAfter => "awaiting decision > 1 day",
                _ => null,
            };
            if (reason is not null)
            {
                blocked.Add(Item(i, reason));
            }
        }

        return new OversightReport(inScope.Count, [.. escalated.OrderBy(i => i.Number)], [.. breached.OrderBy(i => i.Number)], blocked);
    }
}
