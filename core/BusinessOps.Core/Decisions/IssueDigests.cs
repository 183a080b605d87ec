using BusinessOps.Core.Agents;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;

namespace BusinessOps.Core.Decisions;

/// <summary>Builds <see cref="IssueDigest"/>s and scoped <see cref="IssueDigestSet"/>s from snapshots. Pure.</summary>
public static class IssueDigests
{
    /// <summary>Agent name for an issue no result, label or rule routes.</summary>
    public const string Unrouted = "unrouted";

    /// <summary>The digest of <paramref name="issue"/>; markers and <c>/approve</c> authorship are judged against <paramref name="identity"/>.</summary>
    public static IssueDigest From(IssueSnapshot issue, string identity, RoutingPolicy routing)
    {
        var status = IssueStatus.New;
        Priority? priority = null;
        var clients = new List<string>();
        foreach (var label in issue.Labels)
        {
            if (LabelNames.TryParseStatus(label, out var s))
            {
                status = s;
            }
            else if (priority is null && LabelNames.TryParsePriority(label, out var p))
            {
                priority = p;
            }
            else if (label.StartsWith(LabelNames.ClientPrefix, StringComparison.OrdinalIgnoreCase) && label.Length > LabelNames.ClientPrefix.Length)
            {
                clients.Add(label[LabelNames.ClientPrefix.Length..].ToLowerInvariant());
            }
        }

        var approved = issue.Comments.Any(c => !string.Equals(c.Author, identity, StringComparison.OrdinalIgnoreCase)
            && c.Body.TrimStart().StartsWith("/approve", StringComparison.OrdinalIgnoreCase));
        return new IssueDigest(issue.Number, issue.Title, issue.State, status, priority, AgentOf(issue, identity, routing), clients,
            issue.HasLabel(LabelNames.SlaBreached), approved, issue.CreatedAt, issue.UpdatedAt)
        {
            Summary = IssueStateReader.Results(issue, identity) is [.., var last] ? last.Record.Summary : null,
        };
    }

    /// <summary>
    /// The digests of <paramref name="issues"/> that <paramref name="tenant"/> may see (all of them when null), without
    /// <paramref name="exclude"/>, most recently updated first, bounded to <see cref="IssueDigestSet.MaxItems"/>.
    /// With <paramref name="ofAgents"/>, only the issues those agents handle (an agent gets the issues its work is about, no more).
    /// </summary>
    public static IssueDigestSet Scoped(IEnumerable<IssueSnapshot> issues, string? tenant, int exclude, string identity, RoutingPolicy routing, IReadOnlySet<string>? ofAgents = null)
    {
        var scope = tenant is null ? IssueDigestSet.AllScope : LabelNames.ClientPrefix + tenant.ToLowerInvariant();

        // A client's work sees issues of exactly that client (Tenancy.Allows): not another client's, not one shared with another client.
        var inScope = issues
            .Where(i => i.Number != exclude && (tenant is null || Tenancy.Allows(tenant, i.Labels)))
            .Where(i => ofAgents is null || ofAgents.Contains(AgentOf(i, identity, routing)))
            .OrderByDescending(i => i.UpdatedAt).ThenBy(i => i.Number)
            .ToList();
        var kept = inScope.Take(IssueDigestSet.MaxItems).Select(i => From(i, identity, routing)).ToList();
        return new IssueDigestSet(scope, kept, inScope.Count - kept.Count);
    }

    private static string AgentOf(IssueSnapshot issue, string identity, RoutingPolicy routing)
    {
        if (IssueStateReader.Results(issue, identity) is [.., var last])
        {
            return last.Record.Agent;
        }

        foreach (var label in issue.Labels)
        {
            if (label.StartsWith(LabelNames.AgentPrefix, StringComparison.OrdinalIgnoreCase) && AgentNames.TryNormalize(label[LabelNames.AgentPrefix.Length..], out var agent))
            {
                return agent;
            }
        }

        foreach (var rule in routing.Rules)
        {
            if (issue.Labels.Any(rule.Matches))
            {
                return rule.Agent;
            }
        }

        return Unrouted;
    }
}
