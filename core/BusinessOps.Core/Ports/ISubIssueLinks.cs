namespace BusinessOps.Core.Ports;

/// <summary>
/// Optional port: GitHub's sub-issues, so a workflow's children and an escalation's oversight issue show under their
/// parent. A store without it (SQLite) links children only by number and marker; callers keep their task list either way.
/// </summary>
public interface ISubIssueLinks
{
    /// <summary>Makes issue <paramref name="child"/> a sub-issue of <paramref name="parent"/> (one write, one read at most for the child's id).</summary>
    /// <returns>Linked, refused (with GitHub's reason: no sub-issues API, no permission, a parent already, the limit) or unsupported here.</returns>
    Task<SubIssueLinkResult> LinkSubIssueAsync(int parent, int child, CancellationToken cancellationToken);
}
