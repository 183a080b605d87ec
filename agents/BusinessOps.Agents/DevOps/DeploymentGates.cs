using System.Globalization;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Agents.Rules;
using BusinessOps.Core.Labels;

namespace BusinessOps.Agents.DevOps;

/// <summary>
/// The pre-checks <c>delivery.yml</c> and the repository can answer: freeze windows (a rollback is never frozen: it
/// restores service), the approvals the environment needs, and the quality gates of the named QA issue (its status as
/// the coordinator recorded it). Pure.
/// </summary>
internal static class DeploymentGates
{
    public static IReadOnlyList<PreCheck> Evaluate(DeploymentRequest r, DeliveryRules rules, IssueDigestSet? issues) =>
        [Freeze(r, rules), Approvals(r, rules), Gates(r, issues)];

    private static PreCheck Freeze(DeploymentRequest r, DeliveryRules rules)
    {
        var day = r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var w in rules.FreezeWindows.Where(w => w.Environments.Contains(r.Environment, StringComparer.OrdinalIgnoreCase)))
        {
            if (!DateOnly.TryParseExact(w.From, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                || !DateOnly.TryParseExact(w.To, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
                || r.Date < from || r.Date > to)
            {
                continue;
            }

            return r.IsRollback
                ? new PreCheck("freeze window", "passed", $"{day} is inside the {w.Name} ({w.From} to {w.To}), but a rollback restores service and is allowed")
                : new PreCheck("freeze window", "blocked", $"{day} is inside the {w.Name} ({w.From} to {w.To}) for {r.Environment}; deploy after {w.To} or change delivery.yml");
        }

        return new PreCheck("freeze window", "passed", $"{day} is outside every freeze window for {r.Environment}");
    }

    private static PreCheck Approvals(DeploymentRequest r, DeliveryRules rules)
    {
        var needed = rules.RequiredApprovals.FirstOrDefault(a => string.Equals(a.Key, r.Environment, StringComparison.OrdinalIgnoreCase)).Value;
        return needed > 0
            ? new PreCheck("approvals", "pending", string.Create(CultureInfo.InvariantCulture, $"{needed} approval(s) for {r.Environment} (delivery.yml): the plan waits for /approve on this issue"))
            : new PreCheck("approvals", "passed", $"no approval required for {r.Environment}");
    }

    private static PreCheck Gates(DeploymentRequest r, IssueDigestSet? issues)
    {
        if (r.QaIssue is not { } qa)
        {
            return new PreCheck("quality gates", "manual", "no QA issue named: confirm the quality gates passed before approving");
        }

        var digest = issues?.Items.FirstOrDefault(i => i.Number == qa);
        if (digest is null)
        {
            return new PreCheck("quality gates", "manual", $"QA issue #{qa} is not among the open issues handed to this run: confirm its gates passed before approving");
        }

        return digest.Status switch
        {
            IssueStatus.Done => new PreCheck("quality gates", "passed", $"QA issue #{qa} passed its gates"),
            IssueStatus.Failed or IssueStatus.Escalated or IssueStatus.NeedsTriage => new PreCheck("quality gates", "blocked", $"QA issue #{qa} did not pass its gates (status {Status(digest.Status)}): fix and re-run QA first"),
            _ => new PreCheck("quality gates", "blocked", $"QA issue #{qa} has not finished (status {Status(digest.Status)}): deploy once it passes"),
        };
    }

    private static string Status(IssueStatus status) => status switch
    {
        IssueStatus.InProgress => "in-progress",
        IssueStatus.AwaitingApproval => "awaiting-approval",
        IssueStatus.AwaitingDecision => "awaiting-decision",
        IssueStatus.NeedsTriage => "needs-triage",
        IssueStatus.OnHold => "on-hold",
        _ => status.ToString().ToLowerInvariant(),
    };
}
