using BusinessOps.Core.Decisions;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;

namespace BusinessOps.Coordinator.Reconcile.FairShare;

/// <summary>
/// How many runs of each client with a <c>maxConcurrent</c> are in flight, read from the issues themselves (the coordinator
/// is stateless): an open issue of that client in <c>status/in-progress</c> with an agent run recorded — on any executor,
/// started by any pass. Execute phases run no agent and do not count.
/// </summary>
internal static class ClientsInFlight
{
    /// <summary>The clients of <paramref name="policies"/> that set <c>maxConcurrent</c> (lower case).</summary>
    public static IReadOnlySet<string> Limited(PolicySet policies) =>
        policies.Clients is { } clients
            ? clients.Values.Where(c => c.MaxConcurrent is not null).Select(c => c.Id).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : new HashSet<string>();

    /// <summary>The single client of <paramref name="issue"/>, or null (none, or several: those are never dispatched).</summary>
    public static string? ClientOf(IssueSnapshot issue) => Tenancy.ClientsOf(issue.Labels) is [var one] ? one : null;

    /// <summary>Runs in flight per limited client among <paramref name="issues"/>.</summary>
    public static Dictionary<string, int> Count(IEnumerable<IssueSnapshot> issues, PolicySet policies)
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var limited = Limited(policies);
        if (limited.Count == 0)
        {
            return counts;
        }

        foreach (var issue in issues)
        {
            // Only the status comments of limited clients' issues are parsed (labels prove nothing: the state says what runs).
            if (issue.State == IssueState.Open && ClientOf(issue) is { } client && limited.Contains(client)
                && IssueStateReader.Read(issue, policies).State is { Status: IssueStatus.InProgress, Key: not null, Phase: not DispatchPhase.Execute })
            {
                counts[client] = counts.GetValueOrDefault(client) + 1;
            }
        }

        return counts;
    }
}
