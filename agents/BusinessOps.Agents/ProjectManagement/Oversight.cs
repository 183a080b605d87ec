using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;

namespace BusinessOps.Agents.ProjectManagement;

/// <summary>
/// Pure oversight: escalated = <c>status/escalated</c>; breached = <c>sla/breached</c>; blocked =
/// <c>status/on-hold</c> or <c>status/failed</c>, or <c>status/awaiting-*</c> not updated for more than a day.
/// </summary>
internal static class Oversight
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(1);

    public static OversightReport Summarize(IEnumerable<IssueSnapshot> issues, string scope, DateTimeOffset now)
    {
        var inScope = issues.Where(i => i.State == IssueState.Open && (scope == "all" || i.HasLabel(scope))).ToList();
        OversightItem Item(IssueSnapshot i, string reason) => new(i.Number, i.Title, reason, Math.Round(Math.Max(0, (now - i.UpdatedAt).TotalHours), 1));

        var escalated = inScope.Where(i => i.HasLabel("status/escalated")).Select(i => Item(i, "escalated")).ToList();
        var breached = inScope.Where(i => i.HasLabel(LabelNames.SlaBreached)).Select(i => Item(i, "SLA breached")).ToList();
        var blocked = new List<OversightItem>();
        foreach (var i in inScope)
        {
            if (i.HasLabel("status/on-hold"))
            {
                blocked.Add(Item(i, "on hold"));
            }
            else if (i.HasLabel("status/failed"))
            {
                blocked.Add(Item(i, "failed"));
            }
            else if ((i.HasLabel("status/awaiting-approval") || i.HasLabel("status/awaiting-decision")) && now - i.UpdatedAt > StaleAfter)
            {
                blocked.Add(Item(i, i.HasLabel("status/awaiting-approval") ? "awaiting approval > 1 day" : "awaiting decision > 1 day"));
            }
        }

        return new OversightReport(inScope.Count, escalated, breached, blocked);
    }
}
