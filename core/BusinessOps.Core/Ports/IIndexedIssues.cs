using BusinessOps.Core.Issues;

namespace BusinessOps.Core.Ports;

/// <summary>
/// Optional port: the issues a store already holds locally — GitHub's persisted snapshot index, as its last listing left
/// it — read without a request. For context that may lag by a pass (the digests an event run hands an agent), never for
/// decisions, which always read the issue itself.
/// </summary>
public interface IIndexedIssues
{
    /// <summary>The indexed issues matching <paramref name="query"/>'s state and labels, or null when nothing is indexed yet.</summary>
    Task<IReadOnlyList<IssueSnapshot>?> ListIndexedAsync(IssueQuery query, CancellationToken cancellationToken);
}
